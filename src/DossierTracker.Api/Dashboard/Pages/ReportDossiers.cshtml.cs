using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Reports;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// The dossiers behind one figure of the report page, named by the drill-down API's parameters: which figure of which
/// row in which period, and how many dossiers the report counts in it.
/// </summary>
public sealed class ReportDossiersModel(Form06Reports reports, TrackerClock clock) : DashboardPageModel
{
    public override string PageTitle => Text.DrilldownTitle;
    public override string Section => "report";

    public ReportCell Cell { get; private set; } = null!;
    public Form06Report Report { get; private set; } = null!;
    public Form06Row Row { get; private set; } = null!;
    public int Count => Form06Columns.Of(Row.Figures, Cell.Column);

    internal Form06Text FormText => Form06Text.For(Text.Language);

    /// <summary>The report the figure was read from.</summary>
    public string ReportLink => Links.Report(new ReportQuery(Cell.Period, Cell.RowsBy, ReportComparison.None));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (ReportCell.Read(Request.Query, VietnamTime.LocalDate(clock.Now)) is not { } cell)
            return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        Cell = cell;
        try
        {
            Report = await reports.BuildAsync(Selected, cell.Period, cell.RowsBy, ReportComparison.None, cancellationToken);
        }
        catch (PeriodNotBegunException)
        {
            return Refuse(StatusCodes.Status422UnprocessableEntity, Text.QueryProblems[ReportQueryProblem.NotBegun]);
        }
        if (cell.RowIn(Report) is not { } row) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        Row = row;
        return Page();
    }
}
