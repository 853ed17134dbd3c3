using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>The counts of form 06 as the page lays them out, and each figure by its <see cref="ReportColumn"/>.</summary>
public static class Form06Columns
{
    /// <summary>Columns (3) to (14) in the form's order: received, resolved, in progress, withdrawn or stopped.</summary>
    public static readonly IReadOnlyList<ReportColumn> Counts =
    [
        ReportColumn.Received, ReportColumn.ReceivedOnline, ReportColumn.ReceivedDirect, ReportColumn.CarriedOver,
        ReportColumn.Resolved, ReportColumn.ResolvedEarly, ReportColumn.ResolvedOnTime, ReportColumn.ResolvedLate,
        ReportColumn.InProgress, ReportColumn.InProgressOnTime, ReportColumn.InProgressOverdue, ReportColumn.WithdrawnOrStopped,
    ];

    /// <summary>The counts the comparison shows beside the two rates: what comes in, what is settled, what is late.</summary>
    public static readonly IReadOnlyList<ReportColumn> Compared =
        [ReportColumn.Received, ReportColumn.Resolved, ReportColumn.ResolvedLate, ReportColumn.InProgressOverdue];

    public static int Of(ReportFigures figures, ReportColumn column) => column switch
    {
        ReportColumn.Received => figures.Received,
        ReportColumn.ReceivedOnline => figures.ReceivedOnline,
        ReportColumn.ReceivedDirect => figures.ReceivedDirect,
        ReportColumn.CarriedOver => figures.CarriedOver,
        ReportColumn.Resolved => figures.Resolved,
        ReportColumn.ResolvedEarly => figures.ResolvedEarly,
        ReportColumn.ResolvedOnTime => figures.ResolvedOnTime,
        ReportColumn.ResolvedLate => figures.ResolvedLate,
        ReportColumn.InProgress => figures.InProgress,
        ReportColumn.InProgressOnTime => figures.InProgressOnTime,
        ReportColumn.InProgressOverdue => figures.InProgressOverdue,
        ReportColumn.WithdrawnOrStopped => figures.WithdrawnOrStopped,
        ReportColumn.OnTime766 => figures.OnTime766,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
