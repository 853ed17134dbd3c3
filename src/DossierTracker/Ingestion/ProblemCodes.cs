namespace DossierTracker.Ingestion;

/// <summary>Why an event is refused. The HTTP layer maps each code to its status and problem type URI.</summary>
public static class ProblemCodes
{
    public const string EventIdConflict = "event-id-conflict";
    public const string DossierNotReceived = "dossier-not-received";
    public const string DossierExists = "dossier-exists";
    public const string DossierClosed = "dossier-closed";
    public const string UnknownUnit = "unknown-unit";
    public const string UnknownProcedure = "unknown-procedure";
    public const string DueBeforeReceived = "due-before-received";
    public const string FutureEvent = "future-event";
    public const string OutOfScopeUnit = "out-of-scope-unit";
    /// <summary>Extension: an event cannot happen before the dossier was received (it would break the report identities).</summary>
    public const string OccurredBeforeReceived = "occurred-before-received";
    /// <summary>Extension: the working calendar has no year for a due time to be computed in (see <see cref="Calendar.CalendarRangeException"/>).</summary>
    public const string DateOutOfRange = "date-out-of-range";
    /// <summary>Internal: the tracker's late observation is stale (the dossier moved on); never shown to clients.</summary>
    public const string NotOverdue = "not-overdue";
}

public sealed record Rejection(string Code, string Detail);
