using DossierTracker.LoadBench;

// Load benchmarks against a running tracker; ops/bench/run starts everything and calls this.
// Usage: ingest | province [backfill] [rebuild] [queries] [memory] (province without names: all four) | soak | reports | import | reads | overload | cluster | national.
var settings = BenchSettings.FromEnvironment();
var command = args.FirstOrDefault() ?? "ingest";
switch (command)
{
    case "ingest":
        Console.WriteLine(await new IngestBenchmark(settings).RunAsync());
        break;
    case "province":
        var selected = args.Skip(1).ToHashSet(StringComparer.Ordinal);
        if (selected.Count == 0) selected = [.. ProvinceSuite.Benchmarks];
        if (selected.Except(ProvinceSuite.Benchmarks).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown province benchmark '{unknown}'. Known: {string.Join(", ", ProvinceSuite.Benchmarks)}.");
        var report = await new ProvinceSuite(settings, ProvinceSettings.FromEnvironment()).RunAsync(selected);
        Console.WriteLine(report.ToMarkdown());
        return report.Failure is null ? 0 : 1;
    case "soak":
        var soak = await new SoakRun(settings, ProvinceSettings.FromEnvironment(), SoakSettings.FromEnvironment()).RunAsync();
        Console.WriteLine(soak.ToMarkdown());
        return soak.Passed ? 0 : 1;
    case "reports":
        Console.WriteLine(await new ReportsBench(settings, Required("BENCH_API_DLL"), Required("BENCH_UNITS"), Required("BENCH_PROCEDURES")).RunAsync());
        break;
    case "import":
        Console.WriteLine(await new ImportBench(settings, Required("BENCH_API_DLL"), Required("BENCH_SIMULATOR_DLL"), Required("BENCH_UNITS"),
            Required("BENCH_PROCEDURES"), ScaleFromEnvironment(), Required("BENCH_WORK_DIR")).RunAsync());
        break;
    case "reads":
        Console.WriteLine(await new ReadsBench(settings, Required("BENCH_API_DLL"), Environment.GetEnvironmentVariable("BENCH_BASELINE_DLL") is { Length: > 0 } baseline ? baseline : null,
            Required("BENCH_UNITS"), Required("BENCH_PROCEDURES"), ScaleFromEnvironment()).RunAsync());
        break;
    case "overload":
        var trackerPid = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TRACKER_PID"), out var pid) ? pid : (int?)null;
        var overload = await new OverloadBench(settings, trackerPid).RunAsync();
        Console.WriteLine(overload.ToMarkdown());
        return overload.Passed ? 0 : 1;
    case "cluster":
        Console.WriteLine(await new ClusterBench(settings, Required("BENCH_API_DLL"), Required("BENCH_BALANCER_CONFIG"),
            Environment.GetEnvironmentVariable("BENCH_REPLICA_CONNECTION") is { Length: > 0 } replica ? replica : null).RunAsync());
        break;
    case "national":
        await new NationalBench(settings, Required("BENCH_API_DLL"), Required("BENCH_SIMULATOR_DLL"), Required("BENCH_UNITS"),
            Required("BENCH_PROVINCE_UNITS"), Required("BENCH_PROCEDURES"), Required("BENCH_WORK_DIR"), ScaleFromEnvironment()).RunAsync(Console.Out);
        break;
    default:
        throw new ArgumentException($"Unknown benchmark '{command}'. Known: ingest, province, soak, reports, import, reads, overload, cluster, national.");
}
return 0;

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");

// BENCH_SCALE: the share of the full size a stage loads (import: of a province-year; reads: of 1,000,000 dossiers).
static double ScaleFromEnvironment() =>
    double.TryParse(Environment.GetEnvironmentVariable("BENCH_SCALE"), System.Globalization.CultureInfo.InvariantCulture, out var scale) ? scale : 1.0;
