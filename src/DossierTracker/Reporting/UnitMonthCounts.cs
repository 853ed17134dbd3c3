namespace DossierTracker.Reporting;

/// <summary>
/// The raw counts of one row (a unit, a procedure) for one period, as the database query produces them. Rates are not stored here:
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

    /// <summary>These counts with <paramref name="count"/> more in <paramref name="column"/>, one of the counted (not derived) figures.</summary>
    public UnitMonthCounts Plus(ReportColumn column, int count) => column switch
    {
        ReportColumn.ReceivedOnline => this with { ReceivedOnline = ReceivedOnline + count },
        ReportColumn.ReceivedDirect => this with { ReceivedDirect = ReceivedDirect + count },
        ReportColumn.CarriedOver => this with { CarriedOver = CarriedOver + count },
        ReportColumn.ResolvedEarly => this with { ResolvedEarly = ResolvedEarly + count },
        ReportColumn.ResolvedOnTime => this with { ResolvedOnTime = ResolvedOnTime + count },
        ReportColumn.ResolvedLate => this with { ResolvedLate = ResolvedLate + count },
        ReportColumn.OnTime766 => this with { OnTime766 = OnTime766 + count },
        ReportColumn.InProgressOnTime => this with { InProgressOnTime = InProgressOnTime + count },
        ReportColumn.InProgressOverdue => this with { InProgressOverdue = InProgressOverdue + count },
        ReportColumn.WithdrawnOrStopped => this with { WithdrawnOrStopped = WithdrawnOrStopped + count },
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "A derived figure is the sum of counted ones."),
    };
}
