using System.Diagnostics;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// A request waiting in the <see cref="IngestionQueue"/>. Exactly one of two parties moves it out of the queue: a
/// writer taking it into a group (it will be committed, whatever the caller does meanwhile) or the caller withdrawing
/// it (cancelled, or waited too long; it is never committed). A writer that meets it past its deadline (its caller's
/// timer has not fired yet) withdraws and refuses it instead of taking it.
/// </summary>
internal sealed class QueuedRequest(IngestionRequest request, long enqueuedAt, long deadline, QueueWait wait)
{
    private const int Queued = 0, Taken = 1, Withdrawn = 2;
    private int _state = Queued;

    public IngestionRequest Request { get; } = request;
    /// <summary>On <see cref="Stopwatch.GetTimestamp"/>'s clock.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;
    public TaskCompletionSource<IReadOnlyList<IngestionResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TryTake()
    {
        if (Stopwatch.GetTimestamp() > deadline)
        {
            if (TryWithdraw()) Completion.TrySetException(new OverloadedException(TooLate(Stopwatch.GetElapsedTime(EnqueuedAt), queued: true)));
            return false;
        }
        if (Interlocked.CompareExchange(ref _state, Taken, Queued) != Queued) return false;
        wait.Taken(EnqueuedAt);
        return true;
    }

    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;

    public static string TooLate(TimeSpan waited, bool queued = false) =>
        $"The request waited {waited.TotalSeconds:0.0} s {(queued ? "in the queue" : "in the tracker")} without a writer taking it; retry shortly.";
}
