using System.Collections.Concurrent;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Sending;

/// <summary>What the tracker answered, counted per event; safe to update from every lane at once.</summary>
public sealed class SendTally
{
    private const int MaxRejectionSamples = 10;
    private long _sent, _created, _duplicates, _unplannedDuplicates, _resends, _rejected, _batches, _retries;
    private readonly ConcurrentDictionary<string, long> _rejectedByProblem = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _rejectionSamples = new();

    public long Sent => Interlocked.Read(ref _sent);
    public long Created => Interlocked.Read(ref _created);
    /// <summary>Resends answered as duplicates: the intended ones.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);
    /// <summary>First sends answered as duplicates: a batch retried after the tracker had stored it, or a catch-up.</summary>
    public long UnplannedDuplicates => Interlocked.Read(ref _unplannedDuplicates);
    public long Resends => Interlocked.Read(ref _resends);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Batches => Interlocked.Read(ref _batches);
    public long Retries => Interlocked.Read(ref _retries);
    public IReadOnlyDictionary<string, long> RejectedByProblem => _rejectedByProblem;
    public IEnumerable<string> RejectionSamples => _rejectionSamples;

    /// <summary>An event written to a file rather than sent: nobody answered it.</summary>
    public void Written(SimulatedEvent e)
    {
        Interlocked.Increment(ref _sent);
        if (e.IsResend) Interlocked.Increment(ref _resends);
    }

    public void Record(IReadOnlyList<SimulatedEvent> batch, IReadOnlyList<ItemResult> results, int retries)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _retries, retries);
        Interlocked.Add(ref _sent, batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var (e, result) = (batch[i], results[i]);
            if (e.IsResend) Interlocked.Increment(ref _resends);
            switch (result.Status)
            {
                case "created":
                    Interlocked.Increment(ref _created);
                    break;
                case "duplicate":
                    Interlocked.Increment(ref e.IsResend ? ref _duplicates : ref _unplannedDuplicates);
                    break;
                default:
                    Interlocked.Increment(ref _rejected);
                    var problem = result.Problem ?? result.Status;
                    _rejectedByProblem.AddOrUpdate(problem, 1, (_, n) => n + 1);
                    if (_rejectionSamples.Count < MaxRejectionSamples)
                        _rejectionSamples.Enqueue($"{e.Submission.EventId} ({e.Submission.Type}, {EventWire.Timestamp(e.OccurredAt)}): {problem}: {result.Detail}");
                    break;
            }
        }
    }
}
