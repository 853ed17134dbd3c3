namespace DossierTracker.LoadBench;

/// <summary>Where the tracker under test and its database are, and with which keys (from the environment).</summary>
public sealed record BenchSettings(string Url, string ConnectionString, string AdminKey, string IngestKey, string SupervisorKey, TimeSpan Duration)
{
    public static BenchSettings FromEnvironment() => new(
        Required("BENCH_URL"), Required("BENCH_CONNECTION"), Required("BENCH_ADMIN_KEY"), Required("BENCH_INGEST_KEY"),
        Environment.GetEnvironmentVariable("BENCH_SUPERVISOR_KEY") ?? "",
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("BENCH_SECONDS"), out var s) ? s : 15));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");
}
