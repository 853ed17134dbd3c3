using System.Diagnostics;
using System.Globalization;
using DossierTracker.Calendar;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.Sending;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Modes;

/// <summary>
/// Sends the traffic as its time comes, until stopped. Simulated time runs <c>--speed</c> times faster than real time
/// while it is behind the clock (a replay from <c>--from</c>) and never passes it: the tracker refuses events from its
/// future. With a checkpoint of an earlier run (a backfill, or live before a restart) it continues that traffic: the
/// events due since then go out at once, then the earlier run's open dossiers move on along with the new ones.
/// </summary>
public static class Live
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Session session, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var options = session.Options;
        var wallStart = DateTimeOffset.Now;
        var checkpoint = options.CheckpointFile is { } path ? Checkpoint.Read(path) : null;
        if (checkpoint is not null && (checkpoint.Seed != options.Seed || checkpoint.Scale != options.Scale))
            throw new SimulatorException(string.Create(CultureInfo.InvariantCulture,
                $"The checkpoint {options.CheckpointFile} is of seed {checkpoint.Seed}, scale {checkpoint.Scale}; run with those, or delete it to start afresh."));
        if (checkpoint is not null && options.From is not null)
            throw new SimulatorException($"--from starts a new traffic, but the checkpoint {options.CheckpointFile} continues an earlier one; drop one of them.");

        // Where the traffic begins (dossiers received from then on), where simulated time starts, and what an earlier
        // run already sent. A continued traffic need not look further back than the longest life of a dossier.
        var (origin, simulatedStart, sentUpTo) = checkpoint switch
        {
            { } c => (c.ReceivedFrom, wallStart, (DateTimeOffset?)c.SentUpTo),
            null when options.From is { } from => (VietnamTime.At(from, TimeOnly.MinValue), VietnamTime.At(from, TimeOnly.MinValue), null),
            _ => (wallStart, wallStart, null),
        };
        var receivedFrom = sentUpTo is { } upTo ? Max(origin, upTo - TrafficGenerator.LongestLife) : origin;
        if (simulatedStart > wallStart) throw new SimulatorException("--from is in the future; live mode can only replay the past faster.");
        session.RequireKeysFor(VietnamTime.LocalDate(receivedFrom), null);

        var timeline = new TrafficTimeline(session.Generator, receivedFrom, null, sentUpTo);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Live traffic (seed {options.Seed}, scale {options.Scale}, speed {options.Speed}) into {options.Url}") + (sentUpTo is { } s
                ? $", continuing the run that sent everything up to {EventWire.Timestamp(s)}"
                : $", from {EventWire.Timestamp(simulatedStart)}"));

        var clock = Stopwatch.StartNew();
        var simulated = simulatedStart;
        var acknowledged = sentUpTo ?? simulatedStart; // everything due by then was sent and answered
        var lastCheckpoint = TimeSpan.Zero;
        await using (new Progress(error, session.Tally, () => null,
                         () => $"at {simulated.ToOffset(VietnamTime.Offset):yyyy-MM-dd HH:mm}  {timeline.OpenDossiers:N0} open dossiers",
                         TimeSpan.FromMinutes(1)))
        {
            while (!stop.IsCancellationRequested)
            {
                simulated = Min(DateTimeOffset.Now, simulatedStart + clock.Elapsed * options.Speed);
                while (timeline.TryTake(simulated, out var next)) await session.Sender.EnqueueAsync(next);
                await session.Sender.FlushAsync();
                if (session.Sender.Abandoned) break;
                acknowledged = simulated;
                if (options.CheckpointFile is { } file && clock.Elapsed - lastCheckpoint >= CheckpointInterval)
                {
                    new Checkpoint(options.Seed, options.Scale, origin, acknowledged).Write(file);
                    lastCheckpoint = clock.Elapsed;
                }
                try
                {
                    await Task.Delay(Tick, stop);
                }
                catch (OperationCanceledException)
                {
                    // Stopped between ticks: everything taken so far has been sent.
                }
            }
        }
        if (options.CheckpointFile is { } last) new Checkpoint(options.Seed, options.Scale, origin, acknowledged).Write(last);

        Summary.Write(output, "Live traffic stopped.",
        [
            ("Sent everything up to", EventWire.Timestamp(acknowledged)),
            ("Dossiers received", timeline.DossiersReceived.ToString("N0", CultureInfo.InvariantCulture)),
            ("  still open", timeline.OpenDossiers.ToString("N0", CultureInfo.InvariantCulture)),
        ], session.Tally, clock.Elapsed);
        return session.Tally.Rejected == 0 ? 0 : 1;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
