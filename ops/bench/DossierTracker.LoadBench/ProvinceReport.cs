using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>The province benchmarks' results as markdown, each figure next to what bounded it (CPU split, load average).</summary>
public sealed class ProvinceReport(double scale, IReadOnlySet<string> selected)
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private readonly List<(string Stage, SimulatorRun Run, ResourceUse Use)> _loads = [];
    private readonly List<(long Dossiers, List<QueryLatency> Reads, ResourceUse Use)> _queries = [];
    private readonly List<(string When, ResourceUse Use)> _memory = [];
    private RebuildFigures? _rebuild;
    private (SimulatorRun Run, ResourceUse Use)? _backfill;

    /// <summary>Why the suite stopped early, if it did.</summary>
    public string? Failure { get; private set; }

    public void Failed(string reason) => Failure = reason;

    public void Load(string stage, (SimulatorRun Run, ResourceUse Use) load) => _loads.Add((stage, load.Run, load.Use));

    public void Backfill(SimulatorRun run, ResourceUse use)
    {
        _backfill = (run, use);
        _loads.Add(("a province-year (the backfill benchmark)", run, use));
    }

    public void Rebuild(RebuildFigures rebuild) => _rebuild = rebuild;

    public void Queries(long dossiers, (List<QueryLatency> Reads, ResourceUse Use) measured) => _queries.Add((dossiers, measured.Reads, measured.Use));

    public void Memory(string when, ResourceUse use) => _memory.Add((when, use));

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        if (scale != 1) text.AppendLine(Numbers, $"**Scale {scale}: a check of the harness, not a measurement of the goals.**\n");
        if (Failure is not null) text.AppendLine($"**The suite stopped early:** {Failure}\n");
        Goals(text);
        if (_loads.Count > 0) Loads(text);
        if (selected.Contains("rebuild") && _rebuild is { } rebuild) Rebuild(text, rebuild);
        if (_queries.Count > 0) Queries(text);
        if (_memory.Count > 0) Memory(text);
        return text.ToString();
    }

    private void Goals(StringBuilder text)
    {
        text.AppendLine("## Goals (issue 7: two cores, PostgreSQL alongside)\n");
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        if (selected.Contains("backfill") && _backfill is { } b)
            Row(text, "province-year backfill < 5 min", $"{Duration(b.Run.Elapsed)} ({b.Run.Events:N0} events, {b.Run.EventsPerSecond:N0}/s)", b.Run.Elapsed < TimeSpan.FromMinutes(5));
        if (selected.Contains("rebuild") && _rebuild is { } r)
            Row(text, "rebuild ≥ 50,000 events/s, service answering throughout (issue 17)",
                $"{r.EventsPerSecond:N0} events/s; {r.Reads.Reads:N0} reads meanwhile, {r.Reads.Failures} failed, p95 {r.Reads.P95Ms:N0} ms, max {r.Reads.MaxMs:N0} ms",
                r.EventsPerSecond >= 50_000 && r.Reads.Failures == 0 && r.Reads.Reads > 0);
        if (_memory.Count > 0)
        {
            var peak = _memory.Max(m => m.Use.TrackerVmHwmMb);
            Row(text, "service memory < 500 MB", $"peak (VmHWM) {peak:N0} MB", peak < 500);
        }
        if (_queries.Count == 2)
        {
            double Worst(string kind, int i) => _queries[i].Reads.Where(q => q.Name.StartsWith(kind, StringComparison.Ordinal)).Max(q => q.P95Ms);
            Row(text, "report p95 < 200 ms at 1M", $"{Worst("report", 1):N0} ms (worst report)", Worst("report", 1) < 200);
            Row(text, "late list p95 < 50 ms at 1M", $"{Worst("late", 1):N0} ms (worst list)", Worst("late", 1) < 50);
        }
        text.AppendLine();
    }

    private static void Row(StringBuilder text, string goal, string measured, bool met) =>
        text.AppendLine(Numbers, $"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");

    private void Loads(StringBuilder text)
    {
        text.AppendLine("## Backfills through the API (the traffic simulator, 4 batches of 1000 in flight)\n");
        text.AppendLine("| stage | period | dossiers | events | wall time | events/s | tracker RSS peak / mean MB | CPU cores: tracker / PostgreSQL / simulator / other / idle | load avg before → after |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var (stage, run, use) in _loads)
            text.AppendLine(Numbers,
                $"| {stage} | {run.From:yyyy-MM-dd} – {run.To:yyyy-MM-dd} | {run.Dossiers:N0} | {run.Events:N0} | {Duration(run.Elapsed)} | {run.EventsPerSecond:N0} | {use.TrackerRssPeakMb:N0} / {use.TrackerRssMeanMb:N0} | {Cpu(use, "simulator")} | {use.LoadBefore} → {use.LoadAfter} |");
        text.AppendLine();
    }

    private static void Rebuild(StringBuilder text, RebuildFigures r)
    {
        text.AppendLine("## Online rebuild (`projections rebuild`: fold in memory, COPY beside the live tables, catch up, switch)\n");
        text.AppendLine("| events | dossiers | command wall time | rebuild as reported | events/s | raw COPY of the same rows (baseline) | rebuild / raw COPY | CPU cores: tracker / PostgreSQL / rebuild command / other / idle | load avg before → after |");
        text.AppendLine("|---:|---:|---:|---:|---:|---|---:|---|---|");
        text.AppendLine(Numbers,
            $"| {r.Events:N0} | {r.Dossiers:N0} | {Duration(r.Command)} | {Duration(r.Rebuild)} | {r.EventsPerSecond:N0} | {r.CopiedRows:N0} rows in {r.RawCopy.TotalSeconds:N1} s ({r.CopiedRows / r.RawCopy.TotalSeconds:N0} rows/s) | {r.Rebuild / r.RawCopy:N1}× | {Cpu(r.Use, "rebuild command")} | {r.Use.LoadBefore} → {r.Use.LoadAfter} |");
        text.AppendLine();
        text.AppendLine(Numbers, $"Reads during the rebuild (one supervisor, back to back, late list and monthly report alternately): {r.Reads.Reads:N0} answered, " +
            $"{r.Reads.Failures} failed{(r.Reads.FirstFailure is { } f ? $" (first: {f})" : "")}; p50 {r.Reads.P50Ms:N1} ms, p95 {r.Reads.P95Ms:N1} ms, max {r.Reads.MaxMs:N1} ms.");
        text.AppendLine();
    }

    private void Queries(StringBuilder text)
    {
        text.AppendLine("## Read latency (one client, 30 calls after 3 warm-ups; p50 / p95 / max ms)\n");
        text.Append("| read |");
        foreach (var (dossiers, _, _) in _queries) text.Append(Numbers, $" at {dossiers:N0} dossiers | answer |");
        text.AppendLine();
        text.AppendLine("|---|" + string.Concat(_queries.Select(_ => "---:|---|")));
        foreach (var name in _queries.SelectMany(q => q.Reads).Select(r => r.Name).Distinct())
        {
            text.Append($"| {name} |");
            foreach (var (_, reads, _) in _queries)
                text.Append(reads.Find(r => r.Name == name) is { } read
                    ? string.Format(Numbers, " {0:N1} / {1:N1} / {2:N1} | {3} |", read.P50Ms, read.P95Ms, read.MaxMs, read.Answer)
                    : " – | |");
            text.AppendLine();
        }
        text.Append("| *CPU cores while measuring: tracker / PostgreSQL / – / other / idle; load avg before → after* |");
        foreach (var (_, _, use) in _queries) text.Append(Numbers, $" {Cpu(use, "")} | {use.LoadBefore} → {use.LoadAfter} |");
        text.AppendLine();
        text.AppendLine();
    }

    private void Memory(StringBuilder text)
    {
        text.AppendLine("## The service's memory (tracker process: RSS sampled each second; VmHWM = peak RSS since start)\n");
        text.AppendLine("| when | RSS mean MB | RSS peak MB | VmHWM MB |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (when, use) in _memory)
            text.AppendLine(Numbers, $"| {when} | {use.TrackerRssMeanMb:N0} | {use.TrackerRssPeakMb:N0} | {use.TrackerVmHwmMb:N0} |");
        text.AppendLine();
    }

    private static string Cpu(ResourceUse use, string generator) =>
        string.Format(Numbers, "{0:0.00} / {1:0.00} / {2:0.00} / {3:0.00} / {4:0.00}",
            use.CoresByGroup.GetValueOrDefault("tracker"), use.CoresByGroup.GetValueOrDefault("PostgreSQL"),
            use.CoresByGroup.GetValueOrDefault(generator), use.OtherCores + use.CoresByGroup.GetValueOrDefault("benchmark harness"),
            use.Cores - use.BusyCores);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", Numbers) : span.ToString(@"m\:ss", Numbers);
}
