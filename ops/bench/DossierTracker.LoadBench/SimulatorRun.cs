using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>A backfill by the traffic simulator (src/DossierTracker.Simulator) into the tracker under test.</summary>
/// <param name="Interrupted">Stopped by its caller (SIGTERM) before the period's end; the counts are what it sent until then.</param>
public sealed record SimulatorRun(DateOnly From, DateOnly To, long Dossiers, long Events, long Created, long Rejected, TimeSpan Elapsed, bool Interrupted = false)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <param name="started">Told the simulator's pid, so its CPU time can be counted.</param>
    /// <param name="stop">Ends the run early: the simulator is sent SIGTERM, abandons what is in flight and reports what it sent.</param>
    /// <param name="progress">Told each line the simulator writes on stderr (progress every 10 s, retries).</param>
    public static async Task<SimulatorRun> BackfillAsync(BenchSettings bench, ProvinceSettings province, DateOnly from, DateOnly to, Action<int> started,
        CancellationToken stop = default, Action<string>? progress = null)
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
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not { } text) return;
            Console.Error.WriteLine($"    simulator: {text}");
            progress?.Invoke(text);
        };
        process.BeginErrorReadLine();
        await using var terminate = stop.Register(() => Terminate(process));
        var summary = await process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        var elapsed = clock.Elapsed;
        var interrupted = stop.IsCancellationRequested;
        Console.Error.WriteLine(summary);

        long Value(string label) => summary.Split('\n').Where(l => l.TrimStart().StartsWith(label + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(l.IndexOf(':') + 1)..].Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture))
            .FirstOrDefault(-1);
        // Stopped while starting, before it could write a summary: it sent nothing.
        if (interrupted && !summary.Contains("Events sent:", StringComparison.Ordinal)) return new SimulatorRun(from, to, 0, 0, 0, 0, elapsed, true);
        var run = new SimulatorRun(from, to, Value("Dossiers received"), Value("Events sent"), Value("created"), Value("rejected"), elapsed, interrupted);
        // An interrupted backfill exits with 1 by design; its rejections still count.
        if ((process.ExitCode != 0 && !interrupted) || run.Rejected != 0)
            throw new InvalidOperationException($"The simulator's backfill {from:yyyy-MM-dd}..{to:yyyy-MM-dd} failed (exit {process.ExitCode}, {run.Rejected} rejected); its summary is above.");
        return run;
    }

    /// <summary>SIGTERM, as ops/down stops it: the simulator then writes its summary (Process.Kill would be SIGKILL).</summary>
    private static void Terminate(Process process)
    {
        if (process.HasExited) return;
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
