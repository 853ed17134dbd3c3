using System.Diagnostics;

namespace DossierTracker.LoadBench;

/// <summary>
/// Requests sent at a constant arrival rate whatever the answers do (open loop): a slow answer does not delay the
/// next request, as with real clients, so a stall shows as the latency of every request it holds up instead of
/// as fewer requests sent (closed-loop clients hide it: coordinated omission).
/// </summary>
public static class OpenLoop
{
    /// <summary>The pacing tick: at each, every request due by then is started.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    /// <summary>Starts request n at n / rate seconds until the deadline, then waits for every answer.</summary>
    /// <param name="send">Given the request's number and the instant it was due (on <paramref name="clock"/>).</param>
    public static async Task RunAsync(double ratePerSecond, Stopwatch clock, Func<long, TimeSpan, Task> send, CancellationToken deadline)
    {
        var started = clock.Elapsed;
        var inFlight = new List<Task>();
        long sent = 0;
        using var timer = new PeriodicTimer(Tick);
        try
        {
            do
            {
                var due = (long)((clock.Elapsed - started).TotalSeconds * ratePerSecond) + 1;
                for (; sent < due && !deadline.IsCancellationRequested; sent++)
                    inFlight.Add(send(sent, started + TimeSpan.FromSeconds(sent / ratePerSecond)));
                if (inFlight.Count > 4096) inFlight.RemoveAll(t => t.IsCompleted);
            }
            while (await timer.WaitForNextTickAsync(deadline));
        }
        catch (OperationCanceledException)
        {
            // The deadline: no more requests; those in flight are awaited below.
        }
        await Task.WhenAll(inFlight);
    }
}
