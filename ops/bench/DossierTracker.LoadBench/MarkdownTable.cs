using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

public static class MarkdownTable
{
    /// <summary>Each HTTP row is compared with the raw Marten row of the same concurrency measured just before it.</summary>
    public static string Of(IReadOnlyList<Measurement> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | clients | events | events/s | p50 ms | p99 ms | vs raw Marten |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        Measurement? baseline = null;
        foreach (var m in results)
        {
            var isBaseline = m.Scenario.StartsWith("raw", StringComparison.Ordinal);
            if (isBaseline) baseline = m;
            var ratio = !isBaseline && baseline is not null ? $"{m.EventsPerSecond / baseline.EventsPerSecond:P0}" : "baseline";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Scenario} | {m.Concurrency} | {m.Events:N0} | {m.EventsPerSecond:N0} | {m.P50Ms:N1} | {m.P99Ms:N1} | {ratio} |");
        }
        return text.ToString();
    }
}
