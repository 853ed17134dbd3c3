using DossierTracker.Reporting;

namespace DossierTracker.Api.Exports;

/// <summary>
/// What one form 06 sheet (and its extras sheet) shows: the report's own period, or with a comparison the compared
/// period, on the same rows. Both are laid out by the same code, so the compared sheets read exactly like the filed ones.
/// </summary>
internal sealed record Form06SheetView(Form06Report Report, bool IsComparison)
{
    public static IEnumerable<Form06SheetView> Of(Form06Report report)
    {
        yield return new Form06SheetView(report, IsComparison: false);
        if (report.ComparedWith is not null) yield return new Form06SheetView(report, IsComparison: true);
    }

    public ReportPeriod Period => IsComparison ? Report.ComparedWith! : Report.Period;

    /// <summary>When the figures were counted up to, for a period still running; a compared period has always ended.</summary>
    public DateTimeOffset? AsOf => IsComparison ? null : Report.AsOf;

    public ReportFigures FiguresOf(Form06Row row) => IsComparison ? row.Previous! : row.Figures;
}
