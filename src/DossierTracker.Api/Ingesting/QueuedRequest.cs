namespace DossierTracker.Api.Ingesting;

/// <summary>
/// A request waiting in the <see cref="IngestionQueue"/>. Exactly one of two parties moves it out of the queue: a
/// writer taking it into a group (it will be committed, whatever the caller does meanwhile) or the caller withdrawing
/// it (cancelled, or waited too long; it is never committed).
/// </summary>
internal sealed class QueuedRequest(IngestionRequest request, long enqueuedAt)
{
    private const int Queued = 0, Taken = 1, Withdrawn = 2;
    private int _state = Queued;

    public IngestionRequest Request { get; } = request;
    public long EnqueuedAt { get; } = enqueuedAt;
    public TaskCompletionSource<IReadOnlyList<IngestionResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;
}
