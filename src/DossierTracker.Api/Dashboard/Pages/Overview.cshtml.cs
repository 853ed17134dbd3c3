using DossierTracker.Api.Dashboard.Charts;
using DossierTracker.Api.Dashboard.Overview;
using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.Reports;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// A month at a glance for the chosen unit's subtree: the form 06 total's on-time rate and 766 points, the lists'
/// counts now, the 12-month trend, and the units below ranked worst first. All figures come from the report and
/// list services the API uses.
/// </summary>
public sealed class OverviewModel(Form06Reports reports, DossierLists lists, TrackerClock clock) : DashboardPageModel
{
    public const int TrendMonths = 12;

    public override string PageTitle => Text.OverviewTitle;
    public override string Section => "overview";

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public ReportMonth ChosenMonth { get; private set; }
    public ReportFigures Total { get; private set; } = null!;
    public int OverdueNow { get; private set; }
    public int DueSoon { get; private set; }
    public TrendChart Trend { get; private set; } = null!;
    public UnitRanking Ranking { get; private set; } = null!;
    /// <summary>The instant the figures of a month still running are counted to; null once the month has ended.</summary>
    public DateTimeOffset? ProvisionalAsOf { get; private set; }
    /// <summary>The same for the trend's last month.</summary>
    public DateTimeOffset? TrendAsOf { get; private set; }
    public bool HasUnitsBelow => ReferenceData.Units.ChildrenOf(Selected.Unit.Code).Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var today = VietnamTime.LocalDate(clock.Now);
        ChosenMonth = query.Month("month", Month, required: false) ?? new ReportMonth(today.Year, today.Month);
        if (query.HasErrors) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var period = ReportPeriod.Month(ChosenMonth.Year, ChosenMonth.Month);
        // A month not begun has nothing to count (the API answers 422 period-in-future).
        if (ReportWindow.Of(period, clock.Now) is null) return Refuse(StatusCodes.Status422UnprocessableEntity, Text.QueryProblems[ReportQueryProblem.NotBegun]);
        var report = await reports.BuildAsync(Selected, period, ReportRowsBy.Unit, ReportComparison.None, cancellationToken);
        Total = report.Total.Figures;
        ProvisionalAsOf = report.AsOf;
        Ranking = UnitRanking.Of(report, Selected, ReferenceData.Units);

        // Twelve months up to the chosen one, or fewer at the start of the supported range.
        var (firstMonth, earliest) = (ChosenMonth, new ReportMonth(ReportMonth.FirstYear, 1));
        for (var i = 1; i < TrendMonths && firstMonth > earliest; i++) firstMonth = firstMonth.Previous();
        var trend = await reports.TrendAsync(Selected, firstMonth, ChosenMonth, cancellationToken);
        Trend = TrendChart.Of(trend.Months);
        TrendAsOf = trend.AsOf;

        // The lists' totals, counted by SQL: the cards link to the lists, which read their rows.
        var unfiltered = new DossierListRequest(null, null, null, null, null, 1, DossierListRequest.DefaultPageSize, ListFormat.Json);
        OverdueNow = await lists.CountOverdueAsync(Selected, unfiltered, clock.Now, cancellationToken);
        DueSoon = await lists.CountDueSoonAsync(Selected, unfiltered, DossierLists.DefaultWithinHours, clock.Now, cancellationToken);
        return Page();
    }
}
