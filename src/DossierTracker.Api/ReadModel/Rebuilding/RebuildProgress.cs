using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// The rebuild's progress on standard error: a bar redrawn in place on a terminal (events done / total, events/s, time
/// left at that rate), a line every few seconds when the output is a file or a pipe, and one line per later stage.
/// </summary>
public sealed class RebuildProgress(TextWriter output, bool interactive)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private TimeSpan? lastDrawn;
    private long total;

    public static RebuildProgress ToStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>Writes nothing: for callers that show no progress (tests).</summary>
    public static RebuildProgress Silent() => new(TextWriter.Null, interactive: false);

    public void Reading(long events)
    {
        total = events;
        clock.Restart();
        Stage($"Folding {Count(events)} events ...");
    }

    public void Folded(long done)
    {
        var now = clock.Elapsed;
        var last = done >= total;
        if (!last && lastDrawn is { } drawn && now - drawn < (interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5))) return;
        lastDrawn = now;

        var rate = done / Math.Max(now.TotalSeconds, 0.001);
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var share = total == 0 ? 1 : (double)done / total;
        var bar = new string('#', (int)(share * 30)).PadRight(30, '.');
        var line = $"[{bar}] {Count(done)} / {Count(total)} events  {Count((long)rate)} events/s  {left:m\\:ss} left";
        if (interactive) output.Write($"\r{line}{(last ? Environment.NewLine : "")}");
        else output.WriteLine(line);
    }

    public void Stage(string text) => output.WriteLine(text);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
