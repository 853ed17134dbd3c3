using System.Diagnostics;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// How long a request arriving now can expect to wait for a writer, measured from how the writers drain the queue.
/// With group commit a free writer takes every request waiting (up to a group's size), so the wait is not the depth
/// over a rate but the time until a writer is free: about the longest wait of the requests taken in the last 100-200 ms
/// (each group's first), or the age of the oldest request still waiting when that is longer (a stalled commit takes
/// nothing, so only the queue's head shows it). What was taken more than a second ago says nothing about now.
/// </summary>
internal sealed class QueueWait
{
    private static readonly long Window = Stopwatch.Frequency / 10;
    private static readonly long Stale = Stopwatch.Frequency;
    private readonly Lock _lock = new();
    private long _windowStart, _lastTaken, _windowMax, _previousMax;

    /// <summary>A writer took a request that was queued at <paramref name="enqueuedAt"/>.</summary>
    public void Taken(long enqueuedAt)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            if (now - _windowStart > Window)
            {
                _previousMax = now - _windowStart > 2 * Window ? 0 : _windowMax;
                (_windowStart, _windowMax) = (now, 0);
            }
            _windowMax = Math.Max(_windowMax, now - enqueuedAt);
            _lastTaken = now;
        }
    }

    /// <param name="oldestEnqueuedAt">When the request at the queue's head was queued.</param>
    public TimeSpan Expected(long oldestEnqueuedAt)
    {
        var now = Stopwatch.GetTimestamp();
        long recent;
        lock (_lock) recent = now - _lastTaken > Stale ? 0 : Math.Max(_windowMax, _previousMax);
        return TimeSpan.FromSeconds((double)Math.Max(recent, now - oldestEnqueuedAt) / Stopwatch.Frequency);
    }
}
