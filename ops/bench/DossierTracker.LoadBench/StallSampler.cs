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
    TimeSpan At, double WalMb, int ActiveBackends, IReadOnlyList<string> Waits, string? Longest,
    double? ThreadPoolQueue, double? ThreadPoolThreads, double? ConnectionsUsed, double? ConnectionsPending, double? GcPauseSeconds, double ScrapeMs);

/// <summary>Samples <see cref="StallSample"/> twice a second while the soak runs, to explain its slow requests.</summary>
public sealed class StallSampler(NpgsqlDataSource database, HttpClient api, string adminKey, Stopwatch clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private const string Query = """
        select (pg_current_wal_lsn() - '0/0'::pg_lsn)::float8 / 1048576,
               coalesce(array_agg(coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU')) filter (where a.pid is not null), '{}'),
               (select to_char(extract(epoch from now() - l.query_start), 'FM990.0') || ' s: ' || left(regexp_replace(l.query, '\s+', ' ', 'g'), 90)
                from pg_stat_activity l
                where l.backend_type = 'client backend' and l.state = 'active' and l.pid <> pg_backend_pid()
                order by l.query_start limit 1)
        from (select 1) one
        left join pg_stat_activity a on a.backend_type = 'client backend' and a.state = 'active' and a.pid <> pg_backend_pid()
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

    private async Task<(double WalMb, string[] Waits, string? Longest)> PostgresAsync()
    {
        await using var command = database.CreateCommand(Query);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetFieldValue<string[]>(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }
}
