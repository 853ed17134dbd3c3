namespace DossierTracker.Dossiers;

/// <summary>
/// A fact in a dossier's life. Every event keeps the sender's id, when it happened, when the tracker learned it
/// (<see cref="RecordedAt"/>, from the tracker's clock so rebuilds and tests are deterministic) and who sent it.
/// Values the tracker computed at ingestion (due times) are stored in the event, so later calendar corrections never
/// rewrite history.
/// </summary>
public interface IDossierEvent
{
    string EventId { get; }
    DateTimeOffset OccurredAt { get; }
    DateTimeOffset RecordedAt { get; }
    string Source { get; }
}

public static class EventSources
{
    public const string OneStop = "one-stop";
    public const string Tracker = "tracker";
    public const string NationalPortal = "dvcqg";
}

public sealed record DossierReceived(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    string UnitCode, string ProcedureCode, Channel Channel, DateTimeOffset DueAt, bool DueAtComputed) : IDossierEvent;

/// <summary>
/// <see cref="HandlerName"/> (the officer's name as people know it) came after the first events were stored: an event
/// stored without it reads with null.
/// </summary>
public sealed record DossierHandedOver(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    string? UnitCode, string? Handler, string? Note, string? HandlerName = null) : IDossierEvent;

public sealed record DossierPaused(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    PauseReason Reason, string? Note) : IDossierEvent;

/// <summary><see cref="DueAt"/> is the effective due time from now on: the sender's, or the old one moved by the working time paused.</summary>
public sealed record DossierResumed(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    DateTimeOffset DueAt, bool DueAtComputed) : IDossierEvent;

public sealed record DossierMarkedLate(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    bool? ApologyIssued, DateTimeOffset? NewAppointmentAt, string? Reason) : IDossierEvent;

public sealed record DossierResolved(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    Outcome? Outcome) : IDossierEvent;

public sealed record DossierReturned(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source) : IDossierEvent;

public sealed record DossierWithdrawn(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    string? Reason) : IDossierEvent;

public sealed record DossierStopped(
    string EventId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source,
    string? Reason) : IDossierEvent;
