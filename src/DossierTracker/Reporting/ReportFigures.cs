namespace DossierTracker.Reporting;

/// <summary>
/// One row's figures of form Biểu số 06/VPCP/KSTT plus indicator 2.1 of Decision 766, named as the contract names them
/// (column numbers in brackets). Only the counts are stored; totals and rates are derived from them, so adding
/// figures adds counts and recomputes rates — averaging rates would weigh a unit with 3 dossiers like one with 3,000.
/// </summary>
public sealed record ReportFigures
{
    private readonly UnitMonthCounts _counts;

    private ReportFigures(UnitMonthCounts counts) => _counts = counts;

    public static ReportFigures From(UnitMonthCounts counts) => new(counts);

    public static ReportFigures Sum(IEnumerable<ReportFigures> figures) => new(UnitMonthCounts.Sum(figures.Select(f => f._counts)));

    /// <summary>(3) = (4) + (5) + (6).</summary>
    public int Received => ReceivedOnline + ReceivedDirect + CarriedOver;
    /// <summary>(4)</summary>
    public int ReceivedOnline => _counts.ReceivedOnline;
    /// <summary>(5) direct and postal.</summary>
    public int ReceivedDirect => _counts.ReceivedDirect;
    /// <summary>(6)</summary>
    public int CarriedOver => _counts.CarriedOver;

    /// <summary>(7) = (8) + (9) + (10).</summary>
    public int Resolved => ResolvedEarly + ResolvedOnTime + ResolvedLate;
    /// <summary>(8)</summary>
    public int ResolvedEarly => _counts.ResolvedEarly;
    /// <summary>(9)</summary>
    public int ResolvedOnTime => _counts.ResolvedOnTime;
    /// <summary>(10)</summary>
    public int ResolvedLate => _counts.ResolvedLate;

    /// <summary>(11) = (12) + (13).</summary>
    public int InProgress => InProgressOnTime + InProgressOverdue;
    /// <summary>(12)</summary>
    public int InProgressOnTime => _counts.InProgressOnTime;
    /// <summary>(13)</summary>
    public int InProgressOverdue => _counts.InProgressOverdue;

    /// <summary>Closed by withdrawal or stop in the month; outside columns 7–13.</summary>
    public int WithdrawnOrStopped => _counts.WithdrawnOrStopped;

    /// <summary>The Decision 766 numerator: dossiers counted in (3) that are on time by <see cref="Decision766"/>.</summary>
    public int OnTime766 => _counts.OnTime766;

    /// <summary>((8) + (9)) / (7), a fraction 0..1; null when nothing was resolved.</summary>
    public double? OnTimeRate => Ratio(ResolvedEarly + ResolvedOnTime, Resolved);

    /// <summary>Decision 766 indicator 2.1: on time for 766 / (3), a fraction 0..1; null when nothing was received.</summary>
    public double? Indicator766 => Ratio(OnTime766, Received);

    /// <summary>Indicator 2.1 is worth 20 of the 100 points.</summary>
    public double? Points766 => Indicator766 * 20;

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
