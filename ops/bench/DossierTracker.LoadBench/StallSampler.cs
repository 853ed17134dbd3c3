using System.Diagnostics;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// What the tracker and PostgreSQL were doing at one instant: PostgreSQL's WAL written so far and its client backends
/// at work with what each waits on (checkpoints come from its log: a non-superuser does not see the checkpointer's
/// wait events) and the statement running longest then with its age; the tracker's thread pool (work items queued, threads), its connection pool (in use, requests waiting
/// for one), its garbage collections' total pause, and how long its /metrics took to answer.
/// </summary>
public sealed record StallSample(
    TimeSpan At, double WalMb, int ActiveBackends, IReadOnlyList<string> Waits, RunningStatement? Longest,
    double? ThreadPoolQueue, double? ThreadPoolThreads, double? ConnectionsUsed, double? ConnectionsPending, double? GcPauseSeconds, double ScrapeMs);

/// <summary>A statement at work when a sample was taken: for how long so far, and its text (the start of it, on one line).</summary>
public sealed record RunningStatement(double Seconds, string Query);

/// <summary>Samples <see cref="StallSample"/> twice a second while the soak runs, to explain its slow requests.</summary>
public sealed class StallSampler(NpgsqlDataSource database, HttpClient api, string adminKey, Stopwatch clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private const string Query = """
        select (pg_current_wal_lsn() - '0/0'::pg_lsn)::float8 / 1048576,
               coalesce(array_agg(coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU')) filter (where a.pid is not null), '{}'),
               l.seconds, l.query
        from (select 1) one
        left join lateral (
            select extract(epoch from now() - query_start)::float8 as seconds, left(regexp_replace(query, '\s+', ' ', 'g'), 90) as query
            from pg_stat_activity
            where backend_type = 'client backend' and state = 'active' and pid <> pg_backend_pid()
            order by query_start limit 1) l on true
        left join pg_stat_activity a on a.backend_type = 'client backend' and a.state = 'active' and a.pid <> pg_backend_pid()
        group by l.seconds, l.query
        """;

    public List<StallSample> Samples { get; } = [];

    public async Task RunAsync(CancellationToken deadline)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var at = clock.Elapsed;
                var postgres = PostgresAsync();
                var scrape = Stopwatch.StartNew();
                TrackerMetrics? metrics;
                try
                {
                    metrics = await TrackerMetrics.ScrapeAsync(api, adminKey);
                }
                catch (HttpRequestException)
                {
                    metrics = null;
                }
                var scrapeMs = scrape.Elapsed.TotalMilliseconds;
                var (wal, waits, longest) = await postgres;
                Samples.Add(new StallSample(at, wal, waits.Length, waits, longest,
                    metrics?.Value("dotnet_thread_pool_queue_length"), metrics?.Value("dotnet_thread_pool_thread_count"),
                    metrics?.Value("db_client_connection_count", "db_client_connection_state", "used"),
                    metrics?.Value("db_client_connection_pending_requests") ?? (metrics is null ? null : 0),
                    metrics?.Value("dotnet_gc_pause_time_seconds"), scrapeMs));
            }
            while (await timer.WaitForNextTickAsync(deadline));
        }
        catch (OperationCanceledException)
        {
            // The deadline.
        }
    }

    private async Task<(double WalMb, string[] Waits, RunningStatement? Longest)> PostgresAsync()
    {
        await using var command = database.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : new RunningStatement(reader.GetDouble(2), reader.GetString(3)));
    }
}
