namespace DossierTracker.Api.Ingesting;

/// <summary>Group commit and admission control of single posts and portal syncs (section <c>Ingesting</c>).</summary>
public sealed class IngestingOptions
{
    /// <summary>Requests waiting for a writer; a request arriving when it is full is answered 503 at once.</summary>
    public int QueueCapacity { get; set; } = 2000;

    /// <summary>
    /// The longest a request may be in the tracker, counted from its arrival (body read and waits for a thread
    /// included), before a writer takes it; a request expected to pass it while the writers are busy is refused on
    /// arrival, one that passes it while queued is withdrawn and refused (503). A request always gets
    /// <see cref="QueueWaitTarget"/> in the queue, so one slow to arrive is not refused by an idle tracker. One second:
    /// with the commit after it, an answer well within the 2 s clients are promised.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A request arriving while the writers are all busy is refused when the requests taken lately waited longer than
    /// this (or the oldest one waiting has): under sustained overload the queue then holds about this much waiting, so
    /// accepted requests keep a short latency, instead of every one of them waiting <see cref="MaxQueueWait"/>.
    /// </summary>
    public TimeSpan QueueWaitTarget { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Writers committing groups at once (each holds one connection while it commits). Four: while one group waits for
    /// its commit the others decide and write (single posts at 32 clients on 2 cores: 1 writer 94 %, 2 writers 143 %,
    /// 4 writers 156 % of raw Marten; ops/bench/results/ingest-quiet-*-2026-12-04.md).
    /// </summary>
    public int Writers { get; set; } = 4;

    /// <summary>A writer stops taking requests into its group once it holds this many events.</summary>
    public int MaxGroupEvents { get; set; } = 1000;
}
