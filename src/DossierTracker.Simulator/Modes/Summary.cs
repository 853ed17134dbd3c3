using System.Globalization;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.Sending;

namespace DossierTracker.Simulator.Modes;

/// <summary>The closing account of a run: what was generated, what was sent and what the tracker answered.</summary>
public static class Summary
{
    /// <param name="answered">False when the events were written to a file: nobody answered them.</param>
    public static void Write(TextWriter output, string title, IEnumerable<(string Label, string Value)> facts, SendTally tally, TimeSpan elapsed,
        bool answered = true)
    {
        var n = CultureInfo.InvariantCulture;
        var lines = new List<(string, string)>(facts);
        if (answered)
        {
            lines.AddRange([
                ("Events sent", tally.Sent.ToString("N0", n)),
                ("  created", tally.Created.ToString("N0", n)),
                ("  duplicate (intended resends)", $"{tally.Duplicates.ToString("N0", n)} of {tally.Resends.ToString("N0", n)} resends"),
                ("  duplicate (retried or caught up)", tally.UnplannedDuplicates.ToString("N0", n)),
                ("  rejected", tally.Rejected.ToString("N0", n)),
            ]);
            lines.AddRange(tally.RejectedByProblem.OrderByDescending(p => p.Value).Select(p => ($"    {p.Key}", p.Value.ToString("N0", n))));
            lines.Add(("Batches (retries)", $"{tally.Batches.ToString("N0", n)} ({tally.Retries.ToString("N0", n)})"));
        }
        else
        {
            lines.Add(("Events written", $"{tally.Sent.ToString("N0", n)} ({tally.Resends.ToString("N0", n)} intended resends)"));
        }
        lines.Add(("Wall time", Progress.Duration(elapsed)));
        lines.Add(("Events/s", (tally.Sent / Math.Max(0.001, elapsed.TotalSeconds)).ToString("N0", n)));

        output.WriteLine(title);
        var width = lines.Max(l => l.Item1.Length) + 2;
        foreach (var (label, value) in lines) output.WriteLine($"  {(label + ":").PadRight(width)}{value}");
        if (tally.Rejected > 0)
        {
            output.WriteLine("  First rejections:");
            foreach (var sample in tally.RejectionSamples) output.WriteLine($"    {sample}");
        }
    }
}
