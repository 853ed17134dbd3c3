using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>The service's own <c>projections rebuild</c> command (online: beside the live tables) against the benchmark database.</summary>
public static class RebuildRun
{
    /// <summary>The command's wall time (with its start-up), and what it reports: its own time, events and dossiers.</summary>
    /// <param name="started">Told the command's pid, so its CPU time can be counted.</param>
    public static async Task<(TimeSpan Command, TimeSpan Rebuild, long Events, long Dossiers)> RunAsync(BenchSettings bench, ProvinceSettings province, Action<int> started)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // From the project folder, as ops/up runs the service's commands, so appsettings.json is found.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(province.ApiDll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { province.ApiDll, "projections", "rebuild" },
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
        var reported = Regex.Match(await output, @"Read model rebuilt: (\d+) dossiers from (\d+) events in (\d+) ms");
        if (process.ExitCode != 0 || !reported.Success)
            throw new InvalidOperationException($"projections rebuild failed (exit {process.ExitCode}):\n{await output}\n{await errors}");
        // The progress lines (stderr) say how long each stage took; echoed so the run's log keeps them.
        Console.Error.Write(await errors);
        long Number(int group) => long.Parse(reported.Groups[group].Value, CultureInfo.InvariantCulture);
        return (elapsed, TimeSpan.FromMilliseconds(Number(3)), Number(2), Number(1));
    }
}

/// <summary>A rebuild's figures and its baseline from the same run.</summary>
public sealed record RebuildFigures(long Events, long Dossiers, TimeSpan Command, TimeSpan Rebuild, ReadLoopFigures Reads,
    long CopiedRows, TimeSpan RawCopy, ResourceUse Use)
{
    public double EventsPerSecond => Events / Rebuild.TotalSeconds;
}
