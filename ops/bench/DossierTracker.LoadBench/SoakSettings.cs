using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// The soak's own settings (from the environment): its length (SOAK_MINUTES, default 10), the simulator's scale for
/// each backfilled year (SOAK_SCALE, default 0.25: a year in a minute or two under the readers' load), the rate of
/// single posts (SOAK_POSTS_PER_SECOND, default 20: thousands in a soak, enough for a p99.9), the tracker's log, read
/// afterwards for the lines around any 5xx (BENCH_TRACKER_LOG, set by ops/bench/run), and PostgreSQL's, read for its
/// checkpoints and slow statements (BENCH_PG_LOG, set by ops/bench/run for the local cluster).
/// </summary>
public sealed record SoakSettings(TimeSpan Duration, double Scale, double PostsPerSecond, string? TrackerLog, string? PostgresLog)
{
    public const int Readers = 3;
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    public static SoakSettings FromEnvironment() => new(
        TimeSpan.FromMinutes(Number("SOAK_MINUTES", 10)),
        Number("SOAK_SCALE", 0.25),
        Number("SOAK_POSTS_PER_SECOND", 20),
        Environment.GetEnvironmentVariable("BENCH_TRACKER_LOG"),
        Environment.GetEnvironmentVariable("BENCH_PG_LOG"));

    private static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
