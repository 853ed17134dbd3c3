using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// The soak's own settings (from the environment): its length (SOAK_MINUTES, default 10), the simulator's scale for
/// each backfilled year (SOAK_SCALE, default 0.25: a year in a minute or two under the readers' load), and the tracker's
/// log, read afterwards for the lines around any 5xx (BENCH_TRACKER_LOG, set by ops/bench/run).
/// </summary>
public sealed record SoakSettings(TimeSpan Duration, double Scale, string? TrackerLog)
{
    public const int Readers = 3;
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    public static SoakSettings FromEnvironment() => new(
        TimeSpan.FromMinutes(Number("SOAK_MINUTES", 10)),
        Number("SOAK_SCALE", 0.25),
        Environment.GetEnvironmentVariable("BENCH_TRACKER_LOG"));

    private static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
