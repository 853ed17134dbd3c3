using System.Diagnostics;
using System.Threading.Channels;
using DossierTracker.Api.Http;
using DossierTracker.Api.Operations;
using DossierTracker.Ingestion;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Admission to group commit: single posts and portal syncs wait here for a <see cref="GroupCommitWriter"/>. Admission
/// is by time, counted from the request's arrival in the tracker (<see cref="RequestArrival"/>, so reading the body and
/// waiting for a thread count too). While the writers are all busy (requests waiting), a request is refused (503
/// <c>overloaded</c>) at once when requests lately waited longer than <see cref="IngestingOptions.QueueWaitTarget"/>
/// for a writer (<see cref="QueueWait"/>), or when that wait would take it past <see cref="IngestingOptions.MaxQueueWait"/>
/// since its arrival; a full queue refuses too. An admitted request not taken by its deadline (its arrival plus
/// MaxQueueWait, and at least QueueWaitTarget after queuing, so a request slow to arrive is not refused by an idle
/// tracker) is withdrawn and refused. A refused request changes nothing; an admitted one is answered only after the
/// commit that holds its events.
/// </summary>
public sealed class IngestionQueue
{
    private readonly Channel<QueuedRequest> _channel;
    private readonly QueueWait _wait = new();
    private readonly TimeSpan _maxWait, _target;
    private readonly long _maxWaitTicks, _leastQueueTicks;

    public IngestionQueue(IOptions<IngestingOptions> options, TrackerMetrics metrics)
    {
        metrics.ObserveIngestQueue(() => Depth);
        (_maxWait, _target) = (options.Value.MaxQueueWait, options.Value.QueueWaitTarget);
        _maxWaitTicks = (long)(_maxWait.TotalSeconds * Stopwatch.Frequency);
        _leastQueueTicks = (long)(Math.Min(_target.TotalSeconds, _maxWait.TotalSeconds) * Stopwatch.Frequency);
        _channel = Channel.CreateBounded<QueuedRequest>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Value.Writers == 1,
        });
    }

    internal ChannelReader<QueuedRequest> Reader => _channel.Reader;

    public int Depth => _channel.Reader.Count;

    /// <summary>
    /// Why a request that arrived at <paramref name="arrivedAt"/> (<see cref="Stopwatch.GetTimestamp"/>) may not queue
    /// now, or null when it may. Cheap (no database, no body), so an endpoint asks before reading the body.
    /// </summary>
    public string? Refusal(long arrivedAt)
    {
        // An empty queue: a writer is free, or takes this request into its next group.
        if (!_channel.Reader.TryPeek(out var head)) return null;
        var waited = Stopwatch.GetElapsedTime(arrivedAt);
        var expected = _wait.Expected(head.EnqueuedAt);
        return expected > _target || waited + expected > _maxWait
            ? $"The tracker is receiving more events than the database can store (requests wait {expected.TotalMilliseconds:0} ms for a writer; "
                + $"this one has been here {waited.TotalMilliseconds:0} ms); retry shortly."
            : null;
    }

    /// <summary>Commits the events in the next group, admitted as a request arriving now.</summary>
    public Task<IReadOnlyList<IngestionResult>> IngestAsync(IReadOnlyList<EventSubmission> submissions, Submitter submitter, CancellationToken cancellationToken) =>
        IngestAsync(submissions, submitter, Stopwatch.GetTimestamp(), cancellationToken);

    /// <summary>
    /// Commits the events in the next group, or throws <see cref="OverloadedException"/> without storing anything.
    /// Cancelled while queued, nothing is stored; cancelled once its group is committing, the events are stored and only
    /// the answer is lost (a retry is then answered <c>duplicate</c>).
    /// </summary>
    /// <param name="arrivedAt">When the request arrived in the tracker (<see cref="RequestArrival"/>).</param>
    public async Task<IReadOnlyList<IngestionResult>> IngestAsync(IReadOnlyList<EventSubmission> submissions, Submitter submitter, long arrivedAt,
        CancellationToken cancellationToken)
    {
        if (submissions.Count == 0) return [];
        if (Refusal(arrivedAt) is { } refusal) throw new OverloadedException(refusal);
        var enqueuedAt = Stopwatch.GetTimestamp();
        var deadline = Math.Max(arrivedAt + _maxWaitTicks, enqueuedAt + _leastQueueTicks);
        var queued = new QueuedRequest(new IngestionRequest(submissions, submitter), enqueuedAt, deadline, _wait);
        if (!_channel.Writer.TryWrite(queued))
            throw new OverloadedException("The tracker is receiving more events than the database can store (its queue is full); retry shortly.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline).TotalMilliseconds)));
        try
        {
            return await queued.Completion.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (queued.TryWithdraw())
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OverloadedException(QueuedRequest.TooLate(Stopwatch.GetElapsedTime(arrivedAt)));
        }
        catch (OperationCanceledException)
        {
            // A writer took it (it is being committed, so the answer follows the commit) or found it past its deadline
            // (refused with OverloadedException).
            return await queued.Completion.Task;
        }
    }

    /// <summary>At shutdown: nothing more is admitted.</summary>
    internal void Close() => _channel.Writer.TryComplete();
}
