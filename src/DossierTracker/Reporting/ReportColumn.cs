namespace DossierTracker.Reporting;

/// <summary>
/// A figure (column) of form 06 and the Decision 766 numerator. On the wire each is the camelCase of its name
/// (<c>receivedOnline</c>, <c>onTime766</c>), the contract's figure names.
/// </summary>
public enum ReportColumn
{
    Received,
    ReceivedOnline,
    ReceivedDirect,
    CarriedOver,
    Resolved,
    ResolvedEarly,
    ResolvedOnTime,
    ResolvedLate,
    InProgress,
    InProgressOnTime,
    InProgressOverdue,
    WithdrawnOrStopped,
    OnTime766,
}
