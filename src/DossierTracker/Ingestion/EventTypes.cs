namespace DossierTracker.Ingestion;

/// <summary>The contract's event type names, as senders write them and as the timeline shows them.</summary>
public static class EventTypes
{
    public const string Received = "received";
    public const string Processing = "processing";
    public const string Paused = "paused";
    public const string Resumed = "resumed";
    public const string Late = "late";
    public const string Resolved = "resolved";
    public const string Returned = "returned";
    public const string Withdrawn = "withdrawn";
    public const string Stopped = "stopped";

    public static readonly IReadOnlyList<string> All =
        [Received, Processing, Paused, Resumed, Late, Resolved, Returned, Withdrawn, Stopped];
}
