using System.Threading.Channels;
using DossierTracker.Api.Http;
using DossierTracker.Api.Operations;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Group commit: each writer takes every request waiting in the <see cref="IngestionQueue"/> (up to
/// <see cref="IngestingOptions.MaxGroupEvents"/>) and commits them in one transaction, so concurrent requests share
/// the cost of a commit (its fsync and round trips) instead of each paying it. The requests are decided in arrival
/// order over one state, exactly as if they had been sent one after the other, and each is answered after that commit.
/// A group that cannot be committed for any reason but a lost race (retried whole by the ingestor) or an unreachable
/// database is committed again request by request, so one bad request cannot fail the others.
/// </summary>
public sealed class GroupCommitWriter(IngestionQueue queue, EventIngestor ingestor, IOptions<IngestingOptions> options,
    TrackerMetrics metrics, ILogger<GroupCommitWriter> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Writers)).Select(_ => WriteAsync(stoppingToken)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        await base.StopAsync(cancellationToken);
        // What no writer took is refused, never left waiting.
        while (queue.Reader.TryRead(out var queued))
            if (queued.TryTake()) queued.Completion.TrySetException(new OverloadedException("The tracker is shutting down; retry shortly."));
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                var group = TakeGroup(queue.Reader);
                // A group once taken is committed even while stopping: its callers are waiting for the answer.
                if (group.Count > 0) await CommitAsync(group);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private List<QueuedRequest> TakeGroup(ChannelReader<QueuedRequest> reader)
    {
        var group = new List<QueuedRequest>();
        var events = 0;
        while (events < options.Value.MaxGroupEvents && reader.TryRead(out var queued))
        {
            // A request its caller withdrew (cancelled, or waited too long) is dropped before any commit.
            if (!queued.TryTake()) continue;
            group.Add(queued);
            events += queued.Request.Submissions.Count;
        }
        if (group.Count > 0) metrics.GroupTaken(group.Count, events);
        return group;
    }

    private async Task CommitAsync(List<QueuedRequest> group)
    {
        try
        {
            var results = await ingestor.CommitAsync(group.Select(q => q.Request).ToList(), CancellationToken.None);
            for (var i = 0; i < group.Count; i++) group[i].Completion.TrySetResult(results[i]);
        }
        catch (Exception e) when (group.Count > 1 && !ExceptionProblemHandler.IsDatabaseUnavailable(e))
        {
            logger.LogWarning(e, "A group of {Count} requests could not be committed; committing each alone", group.Count);
            foreach (var queued in group) await CommitAsync([queued]);
        }
        catch (Exception e)
        {
            foreach (var queued in group) queued.Completion.TrySetException(e);
        }
    }
}
