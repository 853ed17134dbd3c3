namespace DossierTracker.Api.Ingesting;

/// <summary>Group commit and admission control of single posts and portal syncs (section <c>Ingesting</c>).</summary>
public sealed class IngestingOptions
{
    /// <summary>Requests waiting for a writer; a request arriving when it is full is answered 503 at once.</summary>
    public int QueueCapacity { get; set; } = 2000;

    /// <summary>The longest a request waits in the queue before it is answered 503 instead of being committed.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Writers committing groups at once (each holds one connection while it commits). Four: while one group waits for
    /// its commit the others decide and write (single posts at 32 clients on 2 cores: 1 writer 94 %, 2 writers 143 %,
    /// 4 writers 156 % of raw Marten; ops/bench/results/ingest-quiet-*-2026-12-04.md).
    /// </summary>
    public int Writers { get; set; } = 4;

    /// <summary>A writer stops taking requests into its group once it holds this many events.</summary>
    public int MaxGroupEvents { get; set; } = 1000;
}
