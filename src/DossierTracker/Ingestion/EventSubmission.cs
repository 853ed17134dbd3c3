using DossierTracker.Dossiers;

namespace DossierTracker.Ingestion;

/// <summary>
/// A lifecycle event as a sender submitted it, validated field by field (contract: Ingesting lifecycle events).
/// Timestamps are normalised to UTC instants when parsed, so equal content has equal fingerprints.
/// </summary>
public abstract record EventSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt)
{
    /// <summary>The contract's name of the event type (<c>received</c>, <c>processing</c>, ...).</summary>
    public abstract string Type { get; }
}

public sealed record ReceivedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    string UnitCode, string ProcedureCode, Channel Channel, DateTimeOffset? DueAt) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Received;
}

/// <summary>
/// <see cref="HandlerName"/> is optional and last: a submission without it keeps the fingerprint it had before the field
/// existed (nulls are left out of the canonical form).
/// </summary>
public sealed record ProcessingSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    string? UnitCode, string? Handler, string? Note, string? HandlerName = null) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Processing;
}

public sealed record PausedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    PauseReason Reason, string? Note) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Paused;
}

public sealed record ResumedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    DateTimeOffset? DueAt) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Resumed;
}

public sealed record LateSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    bool? ApologyIssued, DateTimeOffset? NewAppointmentAt, string? Reason) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Late;
}

public sealed record ResolvedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    Outcome? Outcome) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Resolved;
}

public sealed record ReturnedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt)
    : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Returned;
}

public sealed record WithdrawnSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    string? Reason) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Withdrawn;
}

public sealed record StoppedSubmission(string EventId, string DossierCode, DateTimeOffset OccurredAt,
    string? Reason) : EventSubmission(EventId, DossierCode, OccurredAt)
{
    public override string Type => EventTypes.Stopped;
}

/// <summary>
/// The tracker's own observation that an open dossier passed <see cref="DueAt"/>. Its id is derived from the dossier
/// and the due time, so however many sweepers see it, it is stored once per due time.
/// </summary>
public sealed record TrackerLateSubmission(string DossierCode, DateTimeOffset DueAt)
    : EventSubmission($"tracker-late:{DossierCode}:{DueAt.ToUnixTimeSeconds()}", DossierCode, DueAt)
{
    public override string Type => EventTypes.Late;
}
