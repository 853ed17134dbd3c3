using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>The service's own <c>projections rebuild</c> command against the benchmark database.</summary>
public static class RebuildRun
{
    /// <summary>The command's wall time (with its start-up), and the rebuild's own time as it reports it.</summary>
    /// <param name="started">Told the command's pid, so its CPU time can be counted.</param>
    public static async Task<(TimeSpan Command, TimeSpan? Rebuild)> RunAsync(BenchSettings bench, ProvinceSettings province, Action<int> started)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // From the project folder, as ops/up runs the service's commands, so appsettings.json is found.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(province.ApiDll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The daemon's default shard timeout (5 min) aborts the rebuild of a province-year halfway (measured: at 75 %
            // of 2.9 million events), leaving the read model partly rebuilt; a rebuild must be allowed to finish.
            ArgumentList = { province.ApiDll, "projections", "rebuild", "--shard-timeout", "02:00:00" },
            Environment =
            {
                ["ConnectionStrings__Marten"] = bench.ConnectionString,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("projections rebuild did not start.");
        started(process.Id);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        if (process.ExitCode != 0 || !(await output).Contains("Projection Rebuild complete", StringComparison.Ordinal))
            throw new InvalidOperationException($"projections rebuild failed (exit {process.ExitCode}):\n{await output}\n{await errors}");
        var reported = Regex.Match(await output, @"Finished rebuilding \S+ in (\d+) ms");
        return (elapsed, reported.Success ? TimeSpan.FromMilliseconds(double.Parse(reported.Groups[1].Value, CultureInfo.InvariantCulture)) : null);
    }
}
