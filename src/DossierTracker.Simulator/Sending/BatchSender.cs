using System.Threading.Channels;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Sending;

/// <summary>
/// Sends events in batches on a few lanes at once. A dossier always travels in the same lane and a lane sends one
/// batch at a time, so each dossier's events reach the tracker in order while lanes overlap; a batch holds the events
/// of one key. Enqueueing waits while every lane is busy, so the generator never runs far ahead of the tracker.
/// Once <c>stop</c> is signalled, batches in flight and not yet sent are abandoned (their events may or may not be
/// stored: a later run sends them again and gets duplicates).
/// </summary>
public sealed class BatchSender : IEventSink
{
    public const int MaxBatchSize = 1000;

    private readonly TrackerClient _client;
    private readonly IngestKeys _keys;
    private readonly SendTally _tally;
    private readonly List<SimulatedEvent>?[,] _open; // [lane, key]: the batch being filled
    private readonly Channel<LaneItem>[] _lanes;
    private readonly Task[] _workers;
    private readonly CancellationTokenSource _failed = new();
    private readonly CancellationTokenSource _sending;
    private readonly CancellationToken _stop;
    private Exception? _failure;
    private long _abandoned;

    public BatchSender(TrackerClient client, IngestKeys keys, SendTally tally, int lanes, CancellationToken stop)
    {
        (_client, _keys, _tally, _stop) = (client, keys, tally, stop);
        _sending = CancellationTokenSource.CreateLinkedTokenSource(stop, _failed.Token);
        _open = new List<SimulatedEvent>?[lanes, keys.Count];
        _lanes = Enumerable.Range(0, lanes).Select(_ => Channel.CreateBounded<LaneItem>(1)).ToArray();
        _workers = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader))).ToArray();
    }

    /// <summary>True once a batch was given up because of the stop signal: not everything handed over was sent.</summary>
    public bool Abandoned => Interlocked.Read(ref _abandoned) > 0;

    public async ValueTask EnqueueAsync(SimulatedEvent e)
    {
        var lane = (int)((uint)e.Submission.DossierCode.GetHashCode(StringComparison.Ordinal) % (uint)_lanes.Length);
        var key = _keys.IndexFor(e.UnitCode);
        var batch = _open[lane, key] ??= new List<SimulatedEvent>(MaxBatchSize);
        batch.Add(e);
        if (batch.Count == MaxBatchSize) await HandOverAsync(lane, key);
    }

    /// <summary>Sends the partly filled batches and waits until every lane has sent everything it was given.</summary>
    public async Task FlushAsync()
    {
        var drained = new List<Task>();
        for (var lane = 0; lane < _lanes.Length; lane++)
        {
            for (var key = 0; key < _keys.Count; key++)
                if (_open[lane, key] is { Count: > 0 }) await HandOverAsync(lane, key);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await WriteAsync(lane, new LaneItem(null, 0, done));
            drained.Add(done.Task);
        }
        await Task.WhenAll(drained);
        ThrowIfFailed();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        await Task.WhenAll(_workers);
        _sending.Dispose();
        _failed.Dispose();
    }

    private async ValueTask HandOverAsync(int lane, int key)
    {
        var batch = _open[lane, key]!;
        _open[lane, key] = null;
        await WriteAsync(lane, new LaneItem(batch, key, null));
    }

    private async ValueTask WriteAsync(int lane, LaneItem item)
    {
        try
        {
            await _lanes[lane].Writer.WriteAsync(item, _failed.Token);
        }
        catch (OperationCanceledException)
        {
            ThrowIfFailed();
            throw;
        }
    }

    private async Task RunLaneAsync(ChannelReader<LaneItem> reader)
    {
        await foreach (var item in reader.ReadAllAsync())
        {
            if (item.Batch is { } batch && _failure is null)
            {
                try
                {
                    var (results, retries) = await _client.PostBatchAsync(_keys.Key(item.Key), batch, _sending.Token);
                    _tally.Record(batch, results, retries);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _abandoned);
                }
                catch (Exception e)
                {
                    // One lane's failure stops them all: later batches of its dossiers would be refused anyway.
                    Interlocked.CompareExchange(ref _failure, e, null);
                    await _failed.CancelAsync();
                }
            }
            item.Drained?.TrySetResult();
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } failure) throw failure is SimulatorException ? failure : new SimulatorException($"Sending failed: {failure.Message}");
    }

    private sealed record LaneItem(List<SimulatedEvent>? Batch, int Key, TaskCompletionSource? Drained);
}
