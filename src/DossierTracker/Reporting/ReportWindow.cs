namespace DossierTracker.Reporting;

/// <summary>
/// The instants a report counts, [<see cref="Start"/>, <see cref="End"/>): the period's own, except that a period still
/// running ends now (contract version 2: open dossiers are judged at the present instant, not at the period's last
/// day, and the report is provisional). Reports and their drill-downs both count over this window.
/// </summary>
public sealed record ReportWindow(DateTimeOffset Start, DateTimeOffset End, bool Provisional)
{
    /// <summary>The window of <paramref name="period"/> at <paramref name="now"/>; null when the period has not begun.</summary>
    public static ReportWindow? Of(ReportPeriod period, DateTimeOffset now) =>
        now < period.Start ? null
        : now < period.End ? new ReportWindow(period.Start, now, Provisional: true)
        : new ReportWindow(period.Start, period.End, Provisional: false);
}
