using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>A backfill by the traffic simulator (src/DossierTracker.Simulator) into the tracker under test.</summary>
public sealed record SimulatorRun(DateOnly From, DateOnly To, long Dossiers, long Events, long Rejected, TimeSpan Elapsed)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <param name="started">Told the simulator's pid, so its CPU time can be counted.</param>
    public static async Task<SimulatorRun> BackfillAsync(BenchSettings bench, ProvinceSettings province, DateOnly from, DateOnly to, Action<int> started)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                province.SimulatorDll, "backfill", "--from", $"{from:yyyy-MM-dd}", "--to", $"{to:yyyy-MM-dd}",
                "--scale", province.Scale.ToString(CultureInfo.InvariantCulture), "--url", bench.Url,
                "--units", province.UnitsFile, "--procedures", province.ProceduresFile,
            },
            Environment = { ["SIM_KEYS"] = province.IngestKeys },
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The simulator did not start.");
        started(process.Id);
        // Its progress lines (every 10 s) show on the console; its summary is read for the counts.
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) Console.Error.WriteLine($"    simulator: {text}"); };
        process.BeginErrorReadLine();
        var summary = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        Console.Error.WriteLine(summary);

        long Value(string label) => summary.Split('\n').Where(l => l.TrimStart().StartsWith(label + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.IndexOf(':') + 1)..].Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .FirstOrDefault(-1);
        var run = new SimulatorRun(from, to, Value("Dossiers received"), Value("Events sent"), Value("rejected"), elapsed);
        if (process.ExitCode != 0 || run.Rejected != 0)
            throw new InvalidOperationException($"The simulator's backfill {from:yyyy-MM-dd}..{to:yyyy-MM-dd} failed (exit {process.ExitCode}, {run.Rejected} rejected); its summary is above.");
        return run;
    }
}
