namespace DossierTracker.Reporting;

/// <summary>
/// Form Biểu số 06/VPCP/KSTT over any period for a unit's subtree, with rows by unit, field or procedure
/// (<see cref="RowsBy"/>), the Decision 766 numerator on every row and, when asked, each row's figures in
/// <see cref="ComparedWith"/>. A period still running is counted up to <see cref="AsOf"/> and marked
/// <see cref="Provisional"/>.
/// </summary>
public sealed record Form06Report(
    ReportPeriod Period,
    string UnitCode,
    string UnitName,
    ReportRowsBy RowsBy,
    IReadOnlyList<Form06Row> Rows,
    bool Provisional,
    DateTimeOffset? AsOf,
    ReportPeriod? ComparedWith)
{
    public Form06Row Total => Rows[^1];
}
