using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.Reports;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Form Biểu số 06/VPCP/KSTT of a month as an HTML table in the official layout, and its XLSX and CSV downloads,
/// written by the same exporters as the API (the XLSX headings in the reader's language).
/// </summary>
public sealed class ReportModel(Form06Reports reports, TrackerClock clock) : DashboardPageModel
{
    public override string PageTitle => Text.ReportTitle;
    public override string Section => "report";

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public Form06Report Report { get; private set; } = null!;
    public ReportMonth ChosenMonth { get; private set; }

    /// <summary>The form's official wording (or its English rendering), shared with the XLSX export.</summary>
    internal Form06Text FormText => Form06Text.For(Text.Language);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(Form06Xlsx.Write(Report, ReferenceData.Units, Text.Language, VietnamTime.LocalDate(clock.Now)),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName + ".xlsx");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? File(Form06Csv.Write(Report, withHeading: false), "text/csv; charset=utf-8", FileName + ".csv");

    /// <summary>Named as the API names it, so files from both sort together.</summary>
    private string FileName => $"bieu-06-{Report.UnitCode}-{ChosenMonth}";

    /// <summary>Builds the month's report; returns the error answer when the month is not valid.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var today = VietnamTime.LocalDate(clock.Now);
        ChosenMonth = query.Month("month", Month, required: false) ?? new ReportMonth(today.Year, today.Month);
        if (query.HasErrors) return Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);
        var period = ReportPeriod.Month(ChosenMonth.Year, ChosenMonth.Month);
        // A month not begun has nothing to count (the API answers 422 period-in-future).
        if (ReportWindow.Of(period, clock.Now) is null) return Refuse(StatusCodes.Status422UnprocessableEntity, Text.ErrorInvalidParameters);
        Report = await reports.BuildAsync(Selected, period, ReportRowsBy.Unit, ReportComparison.None, cancellationToken);
        return null;
    }
}
