using System.Diagnostics;
using System.Threading.Channels;
using DossierTracker.Api.Http;
using DossierTracker.Api.Operations;
using DossierTracker.Ingestion;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Admission to group commit: single posts and portal syncs wait here for a <see cref="GroupCommitWriter"/>. The queue
/// is bounded, so when PostgreSQL cannot keep up a request is refused at once (503 <c>overloaded</c>) instead of
/// piling up, and one that waited <see cref="IngestingOptions.MaxQueueWait"/> is withdrawn and refused too. A request
/// is answered only after the commit that holds its events.
/// </summary>
public sealed class IngestionQueue
{
    private readonly Channel<QueuedRequest> _channel;
    private readonly TimeSpan _maxWait;

    public IngestionQueue(IOptions<IngestingOptions> options, TrackerMetrics metrics)
    {
        metrics.ObserveIngestQueue(() => Depth);
        _maxWait = options.Value.MaxQueueWait;
        _channel = Channel.CreateBounded<QueuedRequest>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Value.Writers == 1,
        });
    }

    internal ChannelReader<QueuedRequest> Reader => _channel.Reader;

    public int Depth => _channel.Reader.Count;

    /// <summary>
    /// Commits the events in the next group. Cancelled while queued, nothing is stored; cancelled once its group is
    /// committing, the events are stored and only the answer is lost (a retry is then answered <c>duplicate</c>).
    /// </summary>
    public async Task<IReadOnlyList<IngestionResult>> IngestAsync(IReadOnlyList<EventSubmission> submissions, Submitter submitter, CancellationToken cancellationToken)
    {
        if (submissions.Count == 0) return [];
        var queued = new QueuedRequest(new IngestionRequest(submissions, submitter), Stopwatch.GetTimestamp());
        if (!_channel.Writer.TryWrite(queued))
            throw new OverloadedException("The tracker is receiving more events than the database can store; retry shortly.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_maxWait);
        try
        {
            return await queued.Completion.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (queued.TryWithdraw())
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new OverloadedException($"The request waited {_maxWait.TotalSeconds:0.#} s for the database without starting; retry shortly.");
        }
        catch (OperationCanceledException)
        {
            // A writer took it: it is being committed, so the answer follows the commit.
            return await queued.Completion.Task;
        }
    }

    /// <summary>At shutdown: nothing more is admitted.</summary>
    internal void Close() => _channel.Writer.TryComplete();
}
