namespace DossierTracker.LoadBench;

/// <summary>
/// What the province benchmarks need besides <see cref="BenchSettings"/> (from the environment ops/bench/run sets):
/// the tracker's pid to sample, the programs to run, and keys per province (<c>SCOPE=KEY</c> pairs, as SIM_KEYS).
/// </summary>
public sealed record ProvinceSettings(
    int TrackerPid, string ApiDll, string SimulatorDll, string UnitsFile, string ProceduresFile,
    string IngestKeys, IReadOnlyDictionary<string, string> SupervisorKeys, double Scale)
{
    public static ProvinceSettings FromEnvironment() => new(
        int.Parse(Required("BENCH_TRACKER_PID"), System.Globalization.CultureInfo.InvariantCulture),
        Required("BENCH_API_DLL"),
        Required("BENCH_SIMULATOR_DLL"),
        Required("BENCH_UNITS"),
        Required("BENCH_PROCEDURES"),
        Required("SIM_KEYS"),
        Required("BENCH_SUPERVISOR_KEYS").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
        // A smaller suite for a quick check of the harness: BENCH_SCALE=0.05 loads 5 % of everything.
        double.TryParse(Environment.GetEnvironmentVariable("BENCH_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var scale) ? scale : 1.0);

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");
}
