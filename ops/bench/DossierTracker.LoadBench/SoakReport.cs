using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>The soak's figures as markdown: the checks first, then traffic, latency, memory, read-your-write, CPU and the log.</summary>
public sealed class SoakReport(
    SoakSettings soak, TimeSpan elapsed, RequestLog log, SoakWriter writer, IReadOnlyList<ProbeResult> probes, ResourceUse use,
    IReadOnlyList<(TimeSpan At, double RssMb)> rss, IReadOnlyList<HeapSample> heap, StallReport stalls,
    IReadOnlyDictionary<(string Request, int Status), long> served, long eventsStored, IReadOnlyList<TrackerLogLine> trackerLog)
{
    /// <summary>"Stable memory": the RSS of the second half grows by less than this (a leak of a few MB a minute would not).</summary>
    private const double StableSlopeMbPerMinute = 1.0;
    /// <summary>A soak at least this long has a second half past the tracker's warm-up.</summary>
    private static readonly TimeSpan WarmedUp = TimeSpan.FromMinutes(20);
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private readonly IReadOnlyList<RequestRecord> _records = [.. log.Records];

    public bool Passed => ServerErrors == 0 && Failed.Count == 0 && writer.Failure is null && Rejected == 0 && MemoryStable && AllVisibleAtOnce
        && SinglePostsFastEnough;

    /// <summary>5xx other than 503: a 503 (with Retry-After) is the tracker shedding load on purpose, not a failure.</summary>
    private long ServerErrors => served.Where(s => s.Key.Status >= 500 && s.Key.Status != 503).Sum(s => s.Value);
    private long Shed => served.Where(s => s.Key.Status == 503).Sum(s => s.Value);
    private IReadOnlyList<FailedRequest> Failed => [.. log.Failures.Where(f => f.Status != 503)];
    private double[] SinglePostMs => [.. _records.Where(r => r.Kind == SoakPoster.Kind && r.Status != 503).Select(r => r.Ms).Order()];
    private bool SinglePostsFastEnough => SinglePostMs.Length > 0 && SoakFigures.Percentile(SinglePostMs, 0.999) < StallReport.Slow.TotalMilliseconds;
    private long Rejected => writer.Runs.Sum(r => r.Rejected);
    private long Created => writer.Runs.Sum(r => r.Created);
    private double Slope => SoakFigures.SlopePerMinute(rss.Where(s => s.At >= elapsed / 2).ToList());
    private bool MemoryStable => Slope < StableSlopeMbPerMinute;
    /// <summary>The longest time from a probe's 201 to the read that showed it; null when some read never showed it.</summary>
    private TimeSpan? Slowest => Acknowledged.Any(p => p.DossierAfter is null || p.ListAfter is null)
        ? null
        : Acknowledged.Select(p => p.DossierAfter > p.ListAfter ? p.DossierAfter : p.ListAfter).Max();

    /// <summary>
    /// The probes whose post was stored: read-your-write is owed for those only. A probe refused with 503 (load shed,
    /// nothing stored) is counted with the other 503s; any other refusal fails the check.
    /// </summary>
    private IReadOnlyList<ProbeResult> Acknowledged => [.. probes.Where(p => p.PostStatus == 201)];

    private bool AllVisibleAtOnce => Acknowledged.Count > 0 && probes.All(p => p.PostStatus is 201 or 503) && Acknowledged.All(p => p.DossierAtOnce && p.ListAtOnce);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        Checks(text);
        Traffic(text);
        Requests(text);
        stalls.AppendTo(text);
        Served(text);
        Memory(text);
        ReadYourWrite(text);
        Cpu(text);
        Log(text);
        return text.ToString();
    }

    private void Checks(StringBuilder text)
    {
        text.AppendLine(Numbers, $"## Soak: {Minutes(elapsed)} of mixed traffic (issue 8)\n");
        if (writer.Failure is not null) text.AppendLine($"**The writer stopped early:** {writer.Failure}\n");
        text.AppendLine("| check | measured | met |");
        text.AppendLine("|---|---|---|");
        var first = rss[0].RssMb;
        Row(text, "zero 5xx other than 503", $"{Failed.Count(f => f.Status >= 500)} 5xx and {Failed.Count(f => f.Status == 0)} unanswered of {_records.Count:N0} requests of the soak's clients; "
            + $"{ServerErrors} 5xx of {served.Values.Sum():N0} requests the tracker answered (its /metrics: every client, the simulator's batches included); {Shed:N0} 503 (load shed)", ServerErrors == 0 && Failed.Count == 0);
        var posts = SinglePostMs;
        Row(text, $"single posts p99.9 < {StallReport.Slow.TotalSeconds:0} s ({soak.PostsPerSecond:0.#}/s, open loop, accepted or refused; 503 left out)",
            $"p99.9 {SoakFigures.Percentile(posts, 0.999):N0} ms, p99 {SoakFigures.Percentile(posts, 0.99):N0} ms, max {SoakFigures.Percentile(posts, 1):N0} ms over {posts.Length:N0} posts", SinglePostsFastEnough);
        Row(text, "no event rejected", $"{Rejected} rejected of {writer.Runs.Sum(r => r.Events):N0} sent by the simulator ({Created:N0} created, the rest its intended duplicates)", Rejected == 0 && writer.Failure is null);
        Row(text, $"stable memory (RSS slope over the second half < {StableSlopeMbPerMinute:0.#} MB/min)",
            $"{Signed(Slope)} MB/min; RSS {first:N0} MB at the start, {rss[^1].RssMb:N0} MB at the end, peak (VmHWM) {use.TrackerVmHwmMb:N0} MB; slope over the whole soak {Signed(SoakFigures.SlopePerMinute(rss))} MB/min", MemoryStable);
        Row(text, "read-your-write (the event in the dossier and its list at the first read)",
            $"{Acknowledged.Count(p => p.DossierAtOnce && p.ListAtOnce)} of {Acknowledged.Count} acknowledged probes ({probes.Count(p => p.PostStatus == 503)} refused with 503, "
            + $"{probes.Count(p => p.PostStatus is not (201 or 503))} otherwise); slowest read that showed it {Ms(Slowest)}", AllVisibleAtOnce);
        text.AppendLine();
    }

    private void Traffic(StringBuilder text)
    {
        text.AppendLine("## Writer: the traffic simulator backfilling past years (4 batches of 1000 in flight)\n");
        text.AppendLine(Numbers, $"Scale {soak.Scale} (SOAK_SCALE); the year in progress at the deadline was stopped (SIGTERM).\n");
        text.AppendLine("| period | dossiers | events sent | created | rejected | wall time | events/s | |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in writer.Runs)
            text.AppendLine(Numbers, $"| {run.From:yyyy-MM-dd} – {run.To:yyyy-MM-dd} | {run.Dossiers:N0} | {run.Events:N0} | {run.Created:N0} | {run.Rejected:N0} | {Duration(run.Elapsed)} | {run.EventsPerSecond:N0} | {(run.Interrupted ? "stopped at the deadline" : "done")} |");
        text.AppendLine(Numbers, $"| **soak** | {writer.Runs.Sum(r => r.Dossiers):N0} | {writer.Runs.Sum(r => r.Events):N0} | {Created:N0} | {Rejected:N0} | {Duration(elapsed)} | {writer.Runs.Sum(r => r.Events) / elapsed.TotalSeconds:N0} | |");
        text.AppendLine();
        text.AppendLine(Numbers, $"Events written: {Created:N0} created by the simulator ({Created / elapsed.TotalSeconds:N0}/s over the soak); the event store grew by {eventsStored:N0} "
            + $"(with the probes' events and the tracker's own `late` events). Batches the simulator had to retry: {writer.Retries}.\n");
    }

    private void Requests(StringBuilder text)
    {
        text.AppendLine(Numbers, $"## Requests of the soak's clients ({SoakSettings.Readers} readers, each sending its next request when the previous one is answered; single posts at {soak.PostsPerSecond:0.#}/s; the probe)\n");
        text.AppendLine("Latency in ms, to the end of the body (single posts: from the instant they were due, open loop). Dashboard visits open a new cookie session each (sign-in form, key posted, then the pages).\n");
        text.AppendLine("| request | count | 2xx | 3xx | 4xx | 5xx | no answer | p50 | p95 | p99 | p99.9 | max |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in _records.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            RequestRow(text, kind.Key, [.. kind]);
        RequestRow(text, "**all**", _records);
        text.AppendLine();
    }

    private static void RequestRow(StringBuilder text, string kind, IReadOnlyList<RequestRecord> records)
    {
        int Count(int low, int high) => records.Count(r => r.Status >= low && r.Status < high);
        var ms = records.Select(r => r.Ms).Order().ToArray();
        text.AppendLine(Numbers, $"| {kind} | {records.Count:N0} | {Count(200, 300):N0} | {Count(300, 400):N0} | {Count(400, 500):N0} | {Count(500, 600):N0} | {Count(0, 1):N0} | "
            + $"{SoakFigures.Percentile(ms, 0.50):N0} | {SoakFigures.Percentile(ms, 0.95):N0} | {SoakFigures.Percentile(ms, 0.99):N0} | {SoakFigures.Percentile(ms, 0.999):N0} | {SoakFigures.Percentile(ms, 1):N0} |");
    }

    private void Served(StringBuilder text)
    {
        text.AppendLine("## Requests as the tracker answered them (its /metrics, over the soak)\n");
        text.AppendLine("| request | 2xx | 3xx | 4xx | 5xx |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var request in served.GroupBy(s => s.Key.Request).OrderByDescending(g => g.Sum(s => s.Value)))
        {
            long Count(int low) => request.Where(s => s.Key.Status >= low && s.Key.Status < low + 100).Sum(s => s.Value);
            text.AppendLine(Numbers, $"| {request.Key} | {Count(200):N0} | {Count(300):N0} | {Count(400):N0} | {Count(500):N0} |");
        }
        text.AppendLine();
        var cutOff = served.Where(s => s.Key.Request == "POST /api/events/batch" && s.Key.Status is >= 400 and < 500).Sum(s => s.Value);
        if (cutOff > 0 && writer.Runs.Any(r => r.Interrupted))
            text.AppendLine(Numbers, $"The {cutOff:N0} 4xx of the batches are the simulator's requests in flight when it was stopped at the deadline: their bodies were cut off (400, \"Unexpected end of request content\" in the log below) or their client was gone (499).\n");
    }

    private void Memory(StringBuilder text)
    {
        text.AppendLine("## The tracker's memory (RSS sampled each second; the managed heap after the last GC and the GC's committed memory, from /metrics)\n");
        text.AppendLine(Numbers, $"GC settings in the tracker's environment: {GcSettings()}. RSS minus the GC's committed memory is native memory (the runtime, "
            + $"JIT'd code, thread stacks, Npgsql's and Kestrel's buffers). A leak grows the heap left after gen2 collections; a GC settling grows only "
            + $"its committed memory, kept for the next allocations.\n");
        text.AppendLine("| minute | RSS at its end MB | RSS max in it MB | managed heap MB | of it gen2 + LOH MB | GC committed MB | RSS − committed MB | gen2 GCs | requests of the soak's clients |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(Numbers, $"| start | {rss[0].RssMb:N0} | | {HeapColumns(heap[0], rss[0].RssMb)} | |");
        var minutes = (int)Math.Ceiling(elapsed.TotalMinutes);
        for (var m = 1; m <= minutes; m++)
        {
            var (from, to) = (TimeSpan.FromMinutes(m - 1), TimeSpan.FromMinutes(m));
            var inMinute = rss.Where(s => s.At > from && s.At <= to).ToList();
            if (inMinute.Count == 0) continue;
            var sample = heap.LastOrDefault(h => h.At > from && h.At <= to + TimeSpan.FromSeconds(5));
            text.AppendLine(Numbers, $"| {m} | {inMinute[^1].RssMb:N0} | {inMinute.Max(s => s.RssMb):N0} | {(sample is null ? "| | | |" : HeapColumns(sample, inMinute[^1].RssMb))} | "
                + $"{_records.Count(r => r.At >= from && r.At < to):N0} |");
        }
        text.AppendLine();
        text.AppendLine(Numbers, $"RSS at the start {rss[0].RssMb:N0} MB, mean {use.TrackerRssMeanMb:N0} MB, peak {use.TrackerRssPeakMb:N0} MB (VmHWM {use.TrackerVmHwmMb:N0} MB); "
            + $"slope over the whole soak {Signed(SoakFigures.SlopePerMinute(rss))} MB/min, over its second half {Signed(Slope)} MB/min (least squares over the per-second samples); "
            + $"over the second half, gen2 + LOH after GC {Signed(HeapSlope(h => h.Gen2AndLargeMb))} MB/min and GC committed {Signed(HeapSlope(h => h.CommittedMb))} MB/min (least squares over the minutes).\n");
        if (elapsed < WarmedUp)
            text.AppendLine(Numbers, $"This soak is shorter than {WarmedUp.TotalMinutes:0} minutes: its second half lies in the tracker's warm-up, when RSS still rises "
                + $"towards its level (about minute 10 in the 30-minute soak-2026-11-26.md, flat after it), so the slope check says little here.\n");
    }

    private static string HeapColumns(HeapSample sample, double rssMb) => string.Create(Numbers,
        $"{sample.HeapMb:N0} | {sample.Gen2AndLargeMb:N0} | {sample.CommittedMb:N0} | {rssMb - sample.CommittedMb:N0} | {sample.Gen2Collections:N0}");

    private double HeapSlope(Func<HeapSample, double> figure) =>
        SoakFigures.SlopePerMinute([.. heap.Where(h => h.At >= elapsed / 2).Select(h => (h.At, figure(h)))]);

    private static string GcSettings()
    {
        var set = new[] { "DOTNET_gcServer", "DOTNET_GCgen0size", "DOTNET_GCConserveMemory", "DOTNET_GCHeapHardLimit", "DOTNET_GCHeapCount", "DOTNET_GCDynamicAdaptationMode" }
            .Where(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 })
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}").ToList();
        return set.Count == 0 ? "none (the defaults: Server GC, as ASP.NET Core sets, with .NET's dynamic adaptation, DATAS)" : string.Join(", ", set);
    }

    private void ReadYourWrite(StringBuilder text)
    {
        text.AppendLine(Numbers, $"## Read-your-write (a new dossier's `received` every {SoakSettings.ProbeInterval.TotalSeconds:0} s, then at once its view and its list)\n");
        text.AppendLine("| read | acknowledged probes | visible at the first read | visible later | not within 30 s | time from the 201 to the answer that showed it: p50 / max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---|");
        ProbeRow(text, "`GET /api/dossiers/{code}`", [.. Acknowledged.Select(p => (p.DossierAtOnce, p.DossierAfter))]);
        ProbeRow(text, "open late list (due time passed)", [.. Acknowledged.Where(p => p.List == "late").Select(p => (p.ListAtOnce, p.ListAfter))]);
        ProbeRow(text, "due-soon list (due in an hour)", [.. Acknowledged.Where(p => p.List == "due-soon").Select(p => (p.ListAtOnce, p.ListAfter))]);
        text.AppendLine();
        text.AppendLine(Numbers, $"Probe events acknowledged with 201: {probes.Count(p => p.PostStatus == 201)} of {probes.Count}.\n");
    }

    private static void ProbeRow(StringBuilder text, string read, IReadOnlyList<(bool AtOnce, TimeSpan? After)> results)
    {
        var after = results.Where(r => r.After is not null).Select(r => r.After!.Value.TotalMilliseconds).Order().ToArray();
        text.AppendLine(Numbers, $"| {read} | {results.Count} | {results.Count(r => r.AtOnce)} | {results.Count(r => !r.AtOnce && r.After is not null)} | {results.Count(r => r.After is null)} | "
            + $"{SoakFigures.Percentile(after, 0.5):N0} / {(after.Length == 0 ? 0 : after[^1]):N0} |");
    }

    private void Cpu(StringBuilder text)
    {
        text.AppendLine("## CPU (cores of the machine over the soak)\n");
        text.AppendLine("| tracker | PostgreSQL | simulator | readers and probe (this harness) | other processes | idle | load avg before → after |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        double Group(string name) => use.CoresByGroup.GetValueOrDefault(name);
        text.AppendLine(Numbers, $"| {Group("tracker"):0.00} | {Group("PostgreSQL"):0.00} | {Group("simulator"):0.00} | {Group("benchmark harness"):0.00} | {use.OtherCores:0.00} | {use.Cores - use.BusyCores:0.00} | {use.LoadBefore} → {use.LoadAfter} |");
        text.AppendLine();
    }

    private void Log(StringBuilder text)
    {
        text.AppendLine("## The tracker's log over the soak (Warning and above)\n");
        if (trackerLog.Count == 0) text.AppendLine("No line.\n");
        else
        {
            text.AppendLine("| level | category | message (first 120 characters) | lines |");
            text.AppendLine("|---|---|---|---:|");
            foreach (var group in trackerLog.GroupBy(l => (l.Level, l.Category, Message: Head(l.Message, 120))).OrderByDescending(g => g.Count()).Take(20))
                text.AppendLine(Numbers, $"| {group.Key.Level} | {group.Key.Category} | {Cell(group.Key.Message)} | {group.Count():N0} |");
            text.AppendLine();
        }
        if (Failed.Count > 0)
        {
            text.AppendLine("### Requests answered with a 5xx or not at all, with the tracker's log lines within 3 s\n");
            foreach (var failure in Failed.Take(10))
            {
                text.AppendLine(Numbers, $"- {failure.When:HH:mm:ss.fff} {failure.Kind} `{failure.Path}` → {(failure.Status == 0 ? "no answer" : failure.Status.ToString(Numbers))}: {Cell(failure.Body)}");
                foreach (var line in trackerLog.Where(l => (l.Timestamp - failure.When).Duration() <= TimeSpan.FromSeconds(3)).Take(10))
                    text.AppendLine(Numbers, $"  - `{line.Timestamp:HH:mm:ss.fff} {line.Level} {line.Category}`: {Cell(Head(line.Message, 300))}{(line.Exception is { } e ? $" — {Cell(Head(e, 400))}" : "")}");
            }
            text.AppendLine();
        }
        if (log.SurpriseCount > 0)
        {
            text.AppendLine(Numbers, $"### Other unexpected answers ({log.SurpriseCount}; the first {log.Surprises.Count})\n");
            foreach (var surprise in log.Surprises) text.AppendLine($"- {Cell(Head(surprise, 300))}");
            text.AppendLine();
        }
    }

    private static void Row(StringBuilder text, string check, string measured, bool met) =>
        text.AppendLine(Numbers, $"| {check} | {measured} | {(met ? "yes" : "**no**")} |");

    private static string Ms(TimeSpan? span) => span is { } s ? string.Format(Numbers, "{0:N0} ms", s.TotalMilliseconds) : "none (some never showed it)";
    private static string Signed(double value) => value.ToString("+0.00;-0.00;0.00", Numbers);
    private static string Head(string text, int length) => text.Length <= length ? text : text[..length] + " …";
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
    private static string Minutes(TimeSpan span) => string.Format(Numbers, "{0:0.#} minutes", span.TotalMinutes);
    private static string Duration(TimeSpan span) => span.ToString(@"m\:ss", Numbers);
}
