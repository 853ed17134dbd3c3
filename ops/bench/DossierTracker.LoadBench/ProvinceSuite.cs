using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// The demo province at full scale, through the tracker's public API (issue 7): a province-year backfill, a projection
/// rebuild of what was loaded, report and late-list latency at 100,000 and 1,000,000 dossiers, and the service's memory.
/// One database, loaded in stages: about 100k dossiers (early 2023) → queries; the year 2024 (the backfill benchmark);
/// rebuild; the year 2025 (to about 1M) → queries again.
/// </summary>
public sealed class ProvinceSuite(BenchSettings bench, ProvinceSettings province)
{
    public static readonly string[] Benchmarks = ["backfill", "rebuild", "queries", "memory"];
    private const string HoaBinh = "000.00.00.H33";
    private const string PhuTho = "000.00.00.H43";

    public async Task<ProvinceReport> RunAsync(IReadOnlySet<string> selected)
    {
        using var http = Http.Client(bench.Url);
        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        var postmaster = await TrackerProcesses.PostmasterPidAsync(database);
        var report = new ProvinceReport(province.Scale, selected);

        try
        {
            await RunStagesAsync(selected, http, database, postmaster, report);
        }
        catch (Exception e)
        {
            // What was measured before a stage failed is still worth keeping, next to the reason.
            report.Failed(e.Message);
        }
        return report;
    }

    private async Task RunStagesAsync(IReadOnlySet<string> selected, HttpClient http, NpgsqlDataSource database, int postmaster, ProvinceReport report)
    {
        if (selected.Contains("memory")) report.Memory("at rest, after start-up", await AtRestAsync(http, postmaster));

        if (selected.Contains("queries"))
        {
            report.Load("first ~100k dossiers", await LoadAsync(new DateOnly(2023, 1, 1), new DateOnly(2023, 4, 3), postmaster));
            report.Queries(await CountAsync(database), await QueriesAsync(http, database, postmaster, laterYearsLoaded: false));
        }

        var year = await LoadAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), postmaster);
        report.Backfill(year.Run, year.Use);
        if (selected.Contains("memory")) report.Memory("backfill of a year (peak during it)", year.Use);

        if (selected.Contains("rebuild")) report.Rebuild(await RebuildAsync(http, database, postmaster));

        if (selected.Contains("queries"))
        {
            report.Load("the year 2025, to ~1M dossiers", await LoadAsync(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), postmaster));
            report.Queries(await CountAsync(database), await QueriesAsync(http, database, postmaster, laterYearsLoaded: true));
        }

        if (selected.Contains("memory")) report.Memory("at rest, after all loads", await AtRestAsync(http, postmaster));
    }

    private async Task<(SimulatorRun Run, ResourceUse Use)> LoadAsync(DateOnly from, DateOnly to, int postmaster)
    {
        Console.Error.WriteLine($"==> Backfilling {from:yyyy-MM-dd} to {to:yyyy-MM-dd} at scale {province.Scale} through the API ...");
        var simulator = 0;
        var sampler = Sampler(postmaster, ("simulator", () => simulator == 0 ? [] : [simulator]));
        var run = await SimulatorRun.BackfillAsync(bench, province, from, to, pid => simulator = pid);
        return (run, await sampler.StopAsync());
    }

    /// <summary>
    /// The online rebuild with a supervisor reading throughout (the service keeps answering from the live tables), then
    /// the baseline: a raw COPY of the rows it wrote.
    /// </summary>
    private async Task<RebuildFigures> RebuildAsync(HttpClient http, NpgsqlDataSource database, int postmaster)
    {
        Console.Error.WriteLine("==> projections rebuild (online), a supervisor reading meanwhile ...");
        var command = 0;
        var reads = new RebuildReadLoop(http, province.SupervisorKeys[HoaBinh], HoaBinh);
        using var stop = new CancellationTokenSource();
        var reading = reads.RunAsync(stop.Token);
        var sampler = Sampler(postmaster, ("rebuild command", () => command == 0 ? [] : [command]));
        var run = await RebuildRun.RunAsync(bench, province, pid => command = pid);
        var use = await sampler.StopAsync();
        await stop.CancelAsync();
        await reading;
        Console.Error.WriteLine("==> raw COPY of the same rows (the baseline) ...");
        var copy = await RawCopyBaseline.MeasureAsync(database);
        return new RebuildFigures(run.Events, run.Dossiers, run.Command, run.Rebuild, reads.Figures(), copy.Rows, copy.Elapsed, use);
    }

    /// <summary>The service idle for 20 s after some requests (the JIT and caches warm, as in use).</summary>
    private async Task<ResourceUse> AtRestAsync(HttpClient http, int postmaster)
    {
        await QueryLatency.MeasureAsync(http, province.SupervisorKeys[HoaBinh], "warm-up", $"api/reports/monthly?month=2023-02&unit={HoaBinh}");
        var sampler = Sampler(postmaster);
        await Task.Delay(TimeSpan.FromSeconds(20));
        return await sampler.StopAsync();
    }

    /// <summary>
    /// The same reads at every size; months of the later years once they are loaded. The tables are vacuumed and
    /// analysed first: right after a bulk load autovacuum is still catching up (and competing), which a database taking
    /// a province's daily traffic is not.
    /// </summary>
    private async Task<(List<QueryLatency> Reads, ResourceUse Use)> QueriesAsync(HttpClient http, NpgsqlDataSource database, int postmaster, bool laterYearsLoaded)
    {
        Console.Error.WriteLine("==> VACUUM (ANALYZE) of the read model, then report and late-list latency ...");
        await using (var vacuum = database.CreateCommand("vacuum (analyze) tracker.dossiers, tracker.dossier_phases"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
        var reads = new List<(string Name, string Key, string Path)>
        {
            ("report 2023-02, Hòa Bình (183 units)", HoaBinh, $"api/reports/monthly?month=2023-02&unit={HoaBinh}"),
            ("late list: open now (first page)", HoaBinh, $"api/dossiers/late?unit={HoaBinh}"),
            ("late list: open at the end of 2023-02", HoaBinh, $"api/dossiers/late?unit={HoaBinh}&at=2023-03-01T00:00:00%2B07:00"),
            ("late list: completed late in 2023-02", HoaBinh, $"api/dossiers/late?unit={HoaBinh}&state=completed&from=2023-02-01&to=2023-02-28"),
            ("late list: completed late, all time", HoaBinh, $"api/dossiers/late?unit={HoaBinh}&state=completed"),
        };
        if (laterYearsLoaded)
        {
            reads.Add(("report 2024-06, Hòa Bình (183 units)", HoaBinh, $"api/reports/monthly?month=2024-06&unit={HoaBinh}"));
            reads.Add(("report 2025-09, Phú Thọ (37 units)", PhuTho, $"api/reports/monthly?month=2025-09&unit={PhuTho}"));
            reads.Add(("late list: open at the end of 2024-06", HoaBinh, $"api/dossiers/late?unit={HoaBinh}&at=2024-07-01T00:00:00%2B07:00"));
        }
        var sampler = Sampler(postmaster);
        var results = new List<QueryLatency>();
        foreach (var (name, key, path) in reads) results.Add(await QueryLatency.MeasureAsync(http, province.SupervisorKeys[key], name, path));
        return (results, await sampler.StopAsync());
    }

    private ProcessSampler Sampler(int postmaster, params (string Name, Func<IEnumerable<int>> Pids)[] extra) =>
        TrackerProcesses.Sampler(province.TrackerPid, postmaster, extra);

    private static Task<long> CountAsync(NpgsqlDataSource database) => ScalarAsync(database, "select count(*) from tracker.dossiers");

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
