using System.Diagnostics;
using System.Globalization;
using DossierTracker.Calendar;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.Sending;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Modes;

/// <summary>
/// Sends a past period as fast as the tracker takes it: the dossiers received in it, with every event of theirs due to
/// be sent by now (the tracker refuses events from its future). What happens after now stays for a live run.
/// </summary>
public static class Backfill
{
    public static async Task<int> RunAsync(Session session, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var options = session.Options;
        var now = DateTimeOffset.Now;
        var today = VietnamTime.LocalDate(now);
        var from = options.From ?? today.AddDays(-90);
        var to = options.To ?? today;
        if (from > today) throw new SimulatorException($"--from {from:yyyy-MM-dd} is in the future; a backfill sends what already happened.");
        session.RequireKeysFor(from, to);

        var start = VietnamTime.At(from, TimeOnly.MinValue);
        var end = Min(now, VietnamTime.At(to.AddDays(1), TimeOnly.MinValue));
        var timeline = new TrafficTimeline(session.Generator, start, to);
        var reached = start;
        long taken = 0;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Backfill {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (seed {options.Seed}, scale {options.Scale}) into {options.OutFile ?? options.Url.ToString()}, events up to {EventWire.Timestamp(now)}"));

        var clock = Stopwatch.StartNew();
        // Done: how far the generator got, discounted by what it handed over but the tracker has not answered yet.
        await using (new Progress(error, session.Tally,
                         () => (reached - start) / (end - start) * session.Tally.Sent / Math.Max(1, taken),
                         () => $"{timeline.DossiersReceived:N0} dossiers  at {reached.ToOffset(VietnamTime.Offset):yyyy-MM-dd}",
                         TimeSpan.FromSeconds(10)))
        {
            while (!stop.IsCancellationRequested && timeline.TryTake(now, out var next))
            {
                await session.Sink.EnqueueAsync(next);
                taken++;
                if (next.SendAt > reached) reached = next.SendAt < end ? next.SendAt : end;
            }
            await session.Sink.FlushAsync();
        }

        var finished = !stop.IsCancellationRequested;
        // A file is not yet in the tracker: only a backfill it answered may hand its traffic over to a live run.
        if (finished && options.OutFile is null && options.CheckpointFile is { } path && to >= today)
            new Checkpoint(options.Seed, options.Scale, start, now).Write(path);

        Summary.Write(output, finished ? "Backfill done." : "Backfill interrupted.",
        [
            ("Period", $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}, events up to {EventWire.Timestamp(now)}"),
            ("Dossiers received", timeline.DossiersReceived.ToString("N0", CultureInfo.InvariantCulture)),
            ("  still open at the end", timeline.OpenDossiers.ToString("N0", CultureInfo.InvariantCulture)),
        ], session.Tally, clock.Elapsed, answered: options.OutFile is null);
        return session.Tally.Rejected == 0 && finished ? 0 : 1;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
