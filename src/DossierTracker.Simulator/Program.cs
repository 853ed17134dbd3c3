using System.Runtime.InteropServices;
using DossierTracker.Simulator;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.Modes;

// One-stop traffic for the demo province (or several like it), sent to the tracker's HTTP API (issue 7). Usage: --help.
SimulatorOptions? options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (OptionsException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}\nRun with --help for the options.");
    return 2;
}
if (options is null)
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 0;
}

if (options.Mode == Mode.Units)
{
    try
    {
        ProvinceUnits.Write(options);
        return 0;
    }
    catch (SimulatorException e)
    {
        await Console.Error.WriteLineAsync($"error: {e.Message}");
        return 1;
    }
}

// Ctrl+C and SIGTERM (ops/down) stop the run: batches in flight are abandoned, and it reports what was sent.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

try
{
    await using var session = Session.Open(options, Console.Error, stop.Token);
    return options.Mode == Mode.Backfill
        ? await Backfill.RunAsync(session, Console.Out, Console.Error, stop.Token)
        : await Live.RunAsync(session, Console.Out, Console.Error, stop.Token);
}
catch (SimulatorException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}
