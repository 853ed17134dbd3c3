namespace DossierTracker.Reporting;

/// <summary>
/// The raw counts of one unit for one month, as the database query produces them. Rates are not stored here:
/// they are derived by <see cref="ReportFigures"/> so that sums of units always recompute them.
/// </summary>
/// <param name="ReceivedDirect">Received at the counter or by public postal service (form column 5).</param>
/// <param name="CarriedOver">Received before the month and neither completed nor closed before it.</param>
/// <param name="OnTime766">The Decision 766 numerator: dossiers counted in received that are on time by <see cref="Decision766"/>.</param>
/// <param name="InProgressOverdue">Open at the end of the month with effective due time before it; paused dossiers count as on time.</param>
public sealed record UnitMonthCounts(
    int ReceivedOnline,
    int ReceivedDirect,
    int CarriedOver,
    int ResolvedEarly,
    int ResolvedOnTime,
    int ResolvedLate,
    int OnTime766,
    int InProgressOnTime,
    int InProgressOverdue,
    int WithdrawnOrStopped)
{
    public static UnitMonthCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static UnitMonthCounts operator +(UnitMonthCounts left, UnitMonthCounts right) => new(
        left.ReceivedOnline + right.ReceivedOnline,
        left.ReceivedDirect + right.ReceivedDirect,
        left.CarriedOver + right.CarriedOver,
        left.ResolvedEarly + right.ResolvedEarly,
        left.ResolvedOnTime + right.ResolvedOnTime,
        left.ResolvedLate + right.ResolvedLate,
        left.OnTime766 + right.OnTime766,
        left.InProgressOnTime + right.InProgressOnTime,
        left.InProgressOverdue + right.InProgressOverdue,
        left.WithdrawnOrStopped + right.WithdrawnOrStopped);

    public static UnitMonthCounts Sum(IEnumerable<UnitMonthCounts> counts) => counts.Aggregate(Zero, (total, next) => total + next);
}
