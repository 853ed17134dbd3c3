using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Sending;

/// <summary>Where a backfill's events go, in the order they are sent: the tracker's API, or a file for its <c>import</c> command.</summary>
public interface IEventSink : IAsyncDisposable
{
    ValueTask EnqueueAsync(SimulatedEvent e);

    /// <summary>Returns once everything handed over has gone out (answered by the tracker, or written).</summary>
    Task FlushAsync();
}
