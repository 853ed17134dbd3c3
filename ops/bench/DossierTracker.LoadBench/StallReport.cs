using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>
/// The soak's single posts against what was happening when they were slow: PostgreSQL's checkpoints and the
/// statements it logged as slow with their plans (from its log), and the twice-a-second samples of
/// <see cref="StallSampler"/>, so a stall is explained by measurement.
/// </summary>
public sealed class StallReport(
    IReadOnlyList<RequestRecord> posts, IReadOnlyList<StallSample> samples,
    IReadOnlyList<(TimeSpan From, TimeSpan To, Checkpoint Checkpoint)> checkpoints,
    IReadOnlyList<(TimeSpan From, TimeSpan To, SlowStatement Statement)> statements)
{
    /// <summary>The soak's goal for single posts is p99.9 under a second; slower ones are examined.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(1);
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    public void AppendTo(StringBuilder text)
    {
        text.AppendLine("## Slow single posts and what the tracker and PostgreSQL were doing\n");
        if (samples.Count == 0 || posts.Count == 0)
        {
            text.AppendLine("No samples or no single posts.\n");
            return;
        }
        var slow = posts.Where(p => p.Ms >= Slow.TotalMilliseconds).ToList();
        text.AppendLine(Numbers, $"{slow.Count:N0} of {posts.Count:N0} single posts took {Slow.TotalSeconds:0} s or more. Samples every 0.5 s "
            + $"(PostgreSQL's active client backends and what they waited on; the tracker's /metrics: thread-pool queue, "
            + $"connections in use and requests waiting for one, GC pause); a post's samples are those taken while it was in flight.\n");
        Signals(text, slow);
        Checkpoints(text);
        Slowest(text);
        Statements(text, slow);
    }

    private void Signals(StringBuilder text, IReadOnlyList<RequestRecord> slow)
    {
        var during = slow.SelectMany(InFlight).Distinct().ToList();
        text.AppendLine("| signal | all samples: median / max | samples while a slow post was in flight: median / max |");
        text.AppendLine("|---|---|---|");
        void Row(string name, Func<StallSample, double?> value, string format = "N0") =>
            text.AppendLine(Numbers, $"| {name} | {Spread(samples, value, format)} | {Spread(during, value, format)} |");
        Row("PostgreSQL client backends active", s => s.ActiveBackends);
        Row("… of them waiting on I/O or a lock (not on CPU or the client)", s => s.Waits.Count(w => !w.StartsWith("CPU", StringComparison.Ordinal) && !w.StartsWith("Client", StringComparison.Ordinal)));
        Row("WAL written, MB/s", s => WalRate(s), "N1");
        Row("tracker thread-pool queue (work items)", s => s.ThreadPoolQueue);
        Row("tracker thread-pool threads", s => s.ThreadPoolThreads);
        Row("tracker connections in use", s => s.ConnectionsUsed);
        Row("requests waiting for a connection", s => s.ConnectionsPending);
        Row("GC pause, ms per second", s => GcRate(s), "N1");
        Row("/metrics answered in ms", s => s.ScrapeMs);
        text.AppendLine();
        var gcSeconds = (samples[^1].GcPauseSeconds ?? 0) - (samples[0].GcPauseSeconds ?? 0);
        text.AppendLine(Numbers, $"The tracker's garbage collections paused it {gcSeconds:N1} s in all ({gcSeconds / (samples[^1].At - samples[0].At).TotalSeconds:P1} of the time).\n");
        text.AppendLine(Numbers, $"What PostgreSQL's active backends waited on, share of backend-samples — all: {TopWaits(samples)}; while a slow post was in flight: {TopWaits(during)}.\n");
        if (checkpoints.Count > 0)
        {
            var soakSpan = posts.Max(p => p.At) - posts.Min(p => p.At);
            var inside = checkpoints.Sum(c => (Min(c.To, posts.Max(p => p.At)) - Max(c.From, posts.Min(p => p.At))).TotalSeconds);
            text.AppendLine(Numbers, $"Checkpoints (from PostgreSQL's log) ran {inside / soakSpan.TotalSeconds:P0} of the time; {Share(posts, InCheckpoint):P0} of all single posts "
                + $"and {(slow.Count == 0 ? 0 : Share(slow, InCheckpoint)):P0} of the slow ones overlapped one.\n");
        }
    }

    private void Checkpoints(StringBuilder text)
    {
        text.AppendLine("| checkpoint started (soak m:ss) | reason | buffers | write s | sync s | WAL since the last MB | single posts during | p99 ms | max ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (from, to, c) in checkpoints)
        {
            var during = posts.Where(p => Overlaps(p, from, to)).Select(p => p.Ms).Order().ToArray();
            text.AppendLine(Numbers, $"| {Clock(from)} | {c.Reason} | {c.Buffers:N0} | {c.WriteSeconds:N1} | {c.SyncSeconds:N1} | {c.DistanceMb:N0} | {during.Length:N0} | "
                + $"{SoakFigures.Percentile(during, 0.99):N0} | {SoakFigures.Percentile(during, 1):N0} |");
        }
        var outside = posts.Where(p => !InCheckpoint(p)).Select(p => p.Ms).Order().ToArray();
        text.AppendLine(Numbers, $"| outside any checkpoint | | | | | | {outside.Length:N0} | {SoakFigures.Percentile(outside, 0.99):N0} | {SoakFigures.Percentile(outside, 1):N0} |");
        text.AppendLine();
    }

    private void Slowest(StringBuilder text)
    {
        text.AppendLine("The ten slowest single posts, with the most any sample showed while each was in flight:\n");
        text.AppendLine("| sent (soak m:ss.f) | ms | in a checkpoint | PG active | their waits | thread-pool queue | threads | connections in use / waiting | GC pause ms | /metrics ms | statements ≥ 1 s meanwhile | the longest running statement any sample saw |");
        text.AppendLine("|---|---:|---|---:|---|---:|---:|---|---:|---:|---:|---|");
        foreach (var post in posts.OrderByDescending(p => p.Ms).Take(10))
        {
            var s = InFlight(post).ToList();
            double MaxOf(Func<StallSample, double?> value) => s.Select(value).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(double.NaN).Max();
            var gc = s.Count < 2 ? double.NaN : ((s[^1].GcPauseSeconds ?? 0) - (s[0].GcPauseSeconds ?? 0)) * 1000;
            text.AppendLine(Numbers, $"| {Clock(post.At)}.{post.At.Milliseconds / 100} | {post.Ms:N0} | {(InCheckpoint(post) ? "yes" : "no")} | "
                + $"{N(MaxOf(x => x.ActiveBackends))} | {TopWaits(s)} | {N(MaxOf(x => x.ThreadPoolQueue))} | "
                + $"{N(MaxOf(x => x.ThreadPoolThreads))} | {N(MaxOf(x => x.ConnectionsUsed))} / {N(MaxOf(x => x.ConnectionsPending))} | {N(gc)} | {N(MaxOf(x => x.ScrapeMs))} | "
                + $"{statements.Count(st => Overlaps(post, st.From, st.To)):N0} | {Cell(Longest(s))} |");
        }
        text.AppendLine();
    }

    /// <summary>
    /// The statements PostgreSQL logged as running 1 s or more (auto_explain), grouped by their text: which ones, how
    /// often, and the plan of the slowest of each of the costliest groups.
    /// </summary>
    private void Statements(StringBuilder text, IReadOnlyList<RequestRecord> slow)
    {
        text.AppendLine("### Statements PostgreSQL ran for 1 s or more (its log, auto_explain)\n");
        if (statements.Count == 0)
        {
            text.AppendLine("None logged (or no server log: BENCH_PG_LOG is set for ops/up's local cluster, whose settings turn auto_explain on).\n");
            return;
        }
        text.AppendLine(Numbers, $"{statements.Count:N0} statements; {(slow.Count == 0 ? 0 : Share(slow, p => statements.Any(st => Overlaps(p, st.From, st.To)))):P0} of the slow single posts "
            + $"and {Share(posts, p => statements.Any(st => Overlaps(p, st.From, st.To))):P0} of all overlapped one.\n");
        var groups = statements.GroupBy(st => st.Statement.Text).OrderByDescending(g => g.Sum(st => st.Statement.Ms)).ToList();
        text.AppendLine("| statement | times | total s | p50 ms | max ms | plan's top node (slowest run) |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var group in groups.Take(15))
        {
            var ms = group.Select(st => st.Statement.Ms).Order().ToArray();
            var slowest = group.MaxBy(st => st.Statement.Ms).Statement;
            text.AppendLine(Numbers, $"| {Cell(group.Key)} | {ms.Length:N0} | {ms.Sum() / 1000:N1} | {SoakFigures.Percentile(ms, 0.5):N0} | {ms[^1]:N0} | "
                + $"{Cell(slowest.Plan.FirstOrDefault()?.Trim() ?? "")} |");
        }
        text.AppendLine();
        foreach (var group in groups.Take(3))
        {
            var slowest = group.MaxBy(st => st.Statement.Ms);
            text.AppendLine(Numbers, $"The slowest run of `{Cell(group.Key, 80)}` ({slowest.Statement.Ms:N0} ms, ended at soak {Clock(slowest.To)}):\n");
            text.AppendLine("```");
            foreach (var line in slowest.Statement.Plan.Take(30)) text.AppendLine(line);
            text.AppendLine("```\n");
        }
    }

    private static string? Longest(IEnumerable<StallSample> samples) =>
        samples.Select(s => s.Longest).OfType<RunningStatement>().MaxBy(l => l.Seconds) is { } longest
            ? string.Format(Numbers, "{0:0.0} s: {1}", longest.Seconds, longest.Query)
            : null;

    /// <summary>Text fit for a table cell: one line, no pipe, at most <paramref name="length"/> characters.</summary>
    private static string Cell(string? value, int length = 100)
    {
        if (string.IsNullOrEmpty(value)) return "–";
        var cell = value.Replace('|', '¦').Replace('`', '\'');
        return cell.Length <= length ? cell : cell[..length] + "…";
    }

    private IEnumerable<StallSample> InFlight(RequestRecord post)
    {
        var end = post.At + TimeSpan.FromMilliseconds(post.Ms);
        return samples.Where(s => s.At >= post.At - TimeSpan.FromMilliseconds(250) && s.At <= end);
    }

    private bool InCheckpoint(RequestRecord post) => checkpoints.Any(c => Overlaps(post, c.From, c.To));

    private static bool Overlaps(RequestRecord post, TimeSpan from, TimeSpan to) => post.At <= to && post.At + TimeSpan.FromMilliseconds(post.Ms) >= from;

    private double? WalRate(StallSample sample) => Rate(sample, s => s.WalMb);

    private double? GcRate(StallSample sample) => Rate(sample, s => s.GcPauseSeconds * 1000);

    /// <summary>The growth per second of a counter since the previous sample.</summary>
    private double? Rate(StallSample sample, Func<StallSample, double?> counter)
    {
        var index = IndexOf(sample);
        if (index <= 0 || counter(sample) is not { } now || counter(samples[index - 1]) is not { } before) return null;
        var seconds = (sample.At - samples[index - 1].At).TotalSeconds;
        return seconds <= 0 ? null : (now - before) / seconds;
    }

    private Dictionary<StallSample, int>? _indexes;

    private int IndexOf(StallSample sample) =>
        (_indexes ??= samples.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i)).GetValueOrDefault(sample, -1);

    private static string Spread(IReadOnlyList<StallSample> from, Func<StallSample, double?> value, string format)
    {
        var values = from.Select(value).Where(v => v is not null).Select(v => v!.Value).Order().ToArray();
        return values.Length == 0 ? "–" : $"{SoakFigures.Percentile(values, 0.5).ToString(format, Numbers)} / {values[^1].ToString(format, Numbers)}";
    }

    private static double Share<T>(IReadOnlyList<T> items, Func<T, bool> predicate) => items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;

    private static string TopWaits(IReadOnlyCollection<StallSample> from)
    {
        var waits = from.SelectMany(s => s.Waits).ToList();
        if (waits.Count == 0) return "none";
        return string.Join(", ", waits.GroupBy(w => w).OrderByDescending(g => g.Count()).Take(4)
            .Select(g => string.Format(Numbers, "{0} {1:P0}", g.Key, g.Count() / (double)waits.Count)));
    }

    private static string N(double value) => double.IsNaN(value) ? "–" : value.ToString("N0", Numbers);
    private static string Clock(TimeSpan at) => at.ToString(@"m\:ss", Numbers);
    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
