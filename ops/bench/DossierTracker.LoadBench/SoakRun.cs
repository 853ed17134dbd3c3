using System.Diagnostics;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// The soak (issue 8): for SOAK_MINUTES, at once, the simulator backfilling past years (the writer), three supervisors
/// reading lists, reports, dossiers and the dashboard, single posts at a steady rate, and a read-your-write probe every
/// 5 s; meanwhile the tracker's RSS and the CPU split are sampled each second, its managed heap each minute, and what
/// could stall a request (checkpoints, pools, thread pool, GC) twice a second.
/// </summary>
public sealed class SoakRun(BenchSettings bench, ProvinceSettings province, SoakSettings soak)
{
    public async Task<SoakReport> RunAsync()
    {
        using var api = Http.Client(bench.Url);
        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        var postmaster = await TrackerProcesses.PostmasterPidAsync(database);
        var clock = Stopwatch.StartNew();
        var context = new SoakContext(bench, province, DemoReferenceData.Load(province.UnitsFile, province.ProceduresFile),
            new LoadedMonths(), new SeenDossiers(), new RequestLog(clock), api);
        var writer = new SoakWriter(bench, province with { Scale = soak.Scale }, context.Months);
        var probe = new ReadYourWriteProbe(context);
        var poster = new SoakPoster(context, soak.PostsPerSecond);
        var stalls = new StallSampler(database, api, bench.AdminKey, clock);
        var eventsBefore = await EventCountAsync(database);
        var metricsBefore = await TrackerMetrics.ScrapeAsync(api, bench.AdminKey);
        var (started, startedOnClock) = (DateTimeOffset.UtcNow, clock.Elapsed);
        Console.Error.WriteLine($"==> Soak: {soak.Duration.TotalMinutes:0.#} minutes of mixed traffic (writer at scale {soak.Scale}, {SoakSettings.Readers} readers, "
            + $"{soak.PostsPerSecond:0.#} single posts/s, a probe every {SoakSettings.ProbeInterval.TotalSeconds:0} s) ...");

        var sampler = TrackerProcesses.Sampler(province.TrackerPid, postmaster, ("simulator", () => writer.Pid is > 0 and var pid ? [pid] : []));
        using var deadline = new CancellationTokenSource(soak.Duration);
        var heap = new List<HeapSample> { metricsBefore.Heap(clock.Elapsed) };
        await Task.WhenAll([
            writer.RunAsync(deadline.Token),
            probe.RunAsync(deadline.Token),
            poster.RunAsync(deadline.Token),
            stalls.RunAsync(deadline.Token),
            EachMinuteAsync(api, bench.AdminKey, clock, heap, deadline.Token),
            .. Enumerable.Range(0, SoakSettings.Readers).Select(i => new SoakReader(context, i).RunAsync(deadline.Token)),
        ]);
        var use = await sampler.StopAsync();
        var elapsed = clock.Elapsed;
        var ended = DateTimeOffset.UtcNow;

        var metricsAfter = await TrackerMetrics.ScrapeAsync(api, bench.AdminKey);
        heap.Add(metricsAfter.Heap(clock.Elapsed));
        // Checkpoints and slow statements are logged in wall-clock time; the requests and samples are on the soak's clock.
        var origin = started - startedOnClock;
        var checkpoints = PostgresCheckpoints.Between(soak.PostgresLog, started, ended)
            .Select(c => (c.Started - origin, c.Ended - origin, c)).ToList();
        var slowStatements = PostgresSlowStatements.Between(soak.PostgresLog, started, ended, new NpgsqlConnectionStringBuilder(bench.ConnectionString).Database!)
            .Select(s => (s.Started - origin, s.Ended - origin, s)).ToList();
        var stallReport = new StallReport([.. context.Log.Records.Where(r => r.Kind == SoakPoster.Kind)], stalls.Samples, checkpoints, slowStatements);
        return new SoakReport(soak, elapsed, context.Log, writer, probe.Results, use, sampler.RssTrace, heap, stallReport,
            TrackerMetrics.RequestsBetween(metricsBefore, metricsAfter), await EventCountAsync(database) - eventsBefore,
            TrackerLog.Between(soak.TrackerLog, started, ended.AddSeconds(5)));
    }

    /// <summary>The managed heap after the last GC and the GC's committed memory, each minute (RSS comes from the sampler's trace).</summary>
    private static async Task EachMinuteAsync(HttpClient api, string adminKey, Stopwatch clock, List<HeapSample> heap, CancellationToken deadline)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(deadline))
            {
                heap.Add((await TrackerMetrics.ScrapeAsync(api, adminKey)).Heap(clock.Elapsed));
                Console.Error.WriteLine($"==> Soak: {clock.Elapsed.TotalMinutes:0} min");
            }
        }
        catch (OperationCanceledException)
        {
            // The deadline.
        }
    }

    private static async Task<long> EventCountAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select count(*) from tracker.mt_events");
        command.CommandTimeout = 0;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
