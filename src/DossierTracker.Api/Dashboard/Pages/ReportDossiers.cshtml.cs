using System.Globalization;
using System.Text.Json;
using DossierTracker.Api.Dashboard.Lists;
using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.Reports;
using DossierTracker.Api.Reports.Drilldown;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// The dossiers behind one figure of the report page, named by the drill-down API's parameters: which figure of which
/// row in which period, how many dossiers the report counts in it, and a page of them listed by the drill-down API's own
/// service, so the list's total is the figure.
/// </summary>
public sealed class ReportDossiersModel(Form06Reports reports, ReportDrilldown drilldown, TrackerClock clock) : DashboardPageModel
{
    public override string PageTitle => Text.DrilldownTitle;
    public override string Section => "report";

    public ReportCell Cell { get; private set; } = null!;
    public Form06Report Report { get; private set; } = null!;
    public Form06Row Row { get; private set; } = null!;
    public int Count => Form06Columns.Of(Row.Figures, Cell.Column);
    public IReadOnlyList<DrilldownItem> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, DossierListPageModel.PageSize, 0);

    internal Form06Text FormText => Form06Text.For(Text.Language);

    /// <summary>A procedure's name as the catalogue gives it now, shown beside its code.</summary>
    public string? ProcedureName(string code) => ReferenceData.Procedures.GetValueOrDefault(code)?.Name;

    /// <summary>The report the figure was read from.</summary>
    public string ReportLink => Links.Report(new ReportQuery(Cell.Period, Cell.RowsBy, ReportComparison.None));

    /// <summary>This page's CSV handler with the same parameters.</summary>
    public string CsvLink => Request.PathBase + Request.Path + Request.QueryString.Add("handler", "csv");

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        // "page" is read from the query alone: in Razor Pages the route value of that name is the page's own path.
        var paging = ListPaging.Parse(query, Request.Query["page"], DossierListPageModel.PageSize.ToString(CultureInfo.InvariantCulture));
        if (query.HasErrors) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        if (await ReadCellAsync(cancellationToken) is { } refusal) return refusal;

        var page = await drilldown.PageAsync(Selected, DrilldownRowOf(Cell), Cell.Column, Window, paging, ReferenceData, cancellationToken);
        Items = page.Items;
        Pager = new Pager(page.Page, page.PageSize, page.Total);
        return Page();
    }

    /// <summary>Every dossier of the cell, not one page: the sign-in cookie does not open the API's own CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await ReadCellAsync(cancellationToken) is { } refusal) return refusal;

        var (row, window) = (DrilldownRowOf(Cell), Window);
        var items = new List<DrilldownItem>();
        DrilldownPage page;
        do
        {
            page = await drilldown.PageAsync(Selected, row, Cell.Column, window, new ListPaging(items.Count / ListPaging.MaxPageSize + 1, ListPaging.MaxPageSize),
                ReferenceData, cancellationToken);
            items.AddRange(page.Items);
        } while (page.Items.Count == ListPaging.MaxPageSize && items.Count < page.Total);

        Response.Headers[CsvPageResult.TotalCountHeader] = page.Total.ToString(CultureInfo.InvariantCulture);
        return File(DrilldownCsv.Write(items), "text/csv; charset=utf-8",
            DrilldownCsv.FileName(Selected.Unit.Code, Cell.Period, WireNames.Of(Cell.Column, JsonNamingPolicy.CamelCase)));
    }

    /// <summary>The report's window; the report was built, so its period has begun.</summary>
    private ReportWindow Window => ReportWindow.Of(Cell.Period, clock.Now)!;

    /// <summary>Reads the cell and builds its report; a refusal when the parameters name no figure of it.</summary>
    private async Task<IActionResult?> ReadCellAsync(CancellationToken cancellationToken)
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
        return null;
    }

    /// <summary>The drill-down's row for a cell read back from the report, whose row (<see cref="Row"/>) has been found there.</summary>
    private DrilldownRow DrilldownRowOf(ReportCell cell) => cell.RowKind switch
    {
        ReportRowKind.Unit => new DrilldownRow.OfUnit(cell.RowCode!),
        ReportRowKind.Subtotal => new DrilldownRow.OfLevel(Row.Level!.Value),
        ReportRowKind.Field => new DrilldownRow.OfField(cell.RowCode),
        ReportRowKind.Procedure => new DrilldownRow.OfProcedure(cell.RowCode!),
        _ => new DrilldownRow.Total(),
    };
}
