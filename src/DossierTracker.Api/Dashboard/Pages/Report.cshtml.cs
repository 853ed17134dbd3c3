using DossierTracker.Api.Dashboard.ReportPage;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Reports;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// Form Biểu số 06/VPCP/KSTT over a chosen period as an HTML table in the official layout: rows by unit, field or
/// procedure, an optional comparison with an earlier period, every count a link to the dossiers behind it, and its
/// XLSX and CSV downloads, written by the same exporters as the API (the XLSX headings in the reader's language).
/// </summary>
public sealed class ReportModel(Form06Reports reports, TrackerClock clock) : DashboardPageModel
{
    public override string PageTitle => Text.ReportTitle;
    public override string Section => "report";

    /// <summary>The picker's fields: as typed when they hold an error, else the period shown.</summary>
    public PeriodPicker Picker { get; private set; } = null!;
    /// <summary>The choices as the form shows them: the ones asked, or the defaults.</summary>
    public ReportChoices Choices { get; private set; } = null!;
    /// <summary>Problems by the id of the form field that shows them; the report is not built while there are any.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    public ReportQuery? Query { get; private set; }
    public Form06Report? Report { get; private set; }

    /// <summary>The form's official wording (or its English rendering), shared with the XLSX export.</summary>
    internal Form06Text FormText => Form06Text.For(Text.Language);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = Read();
        // The picker's fields name a period; the address of the report names it as the API does.
        if (Query is { } query && errors.Count == 0 && Request.Query.ContainsKey("kind")) return Redirect(Links.Report(query));
        if (Query is not null) errors = await BuildAsync(cancellationToken);
        if (errors.Count == 0) return Page();

        Errors = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => Text.QueryProblems[g.First().Problem]);
        Response.StatusCode = errors.Any(e => e.Problem == ReportQueryProblem.NotBegun)
            ? StatusCodes.Status422UnprocessableEntity
            : StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await DownloadAsync(cancellationToken) is { } report
            ? File(Form06Xlsx.Write(report, ReferenceData.Units, Text.Language, VietnamTime.LocalDate(clock.Now)),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(report) + ".xlsx")
            : Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await DownloadAsync(cancellationToken) is { } report
            ? File(Form06Csv.Write(report, withHeading: true, Text.Language), "text/csv; charset=utf-8", FileName(report) + ".csv")
            : Refuse(StatusCodes.Status400BadRequest, Text.ErrorInvalidParameters);

    /// <summary>Named as the API names it, so files from both sort together.</summary>
    private static string FileName(Form06Report report) => $"bieu-06-{report.UnitCode}-{report.Period.From:yyyyMMdd}-{report.Period.To:yyyyMMdd}";

    /// <summary>The report to download; null when the parameters name none (the page itself explains why).</summary>
    private async Task<Form06Report?> DownloadAsync(CancellationToken cancellationToken) =>
        Read().Count == 0 && (await BuildAsync(cancellationToken)).Count == 0 ? Report : null;

    private List<ReportQueryError> Read()
    {
        var errors = new List<ReportQueryError>();
        Query = ReportQuery.Read(Request.Query, VietnamTime.LocalDate(clock.Now), errors, out var picker);
        Picker = picker;
        Choices = ReportChoices.Of(Request.Query);
        return errors;
    }

    private async Task<List<ReportQueryError>> BuildAsync(CancellationToken cancellationToken)
    {
        try
        {
            Report = await reports.BuildAsync(Selected, Query!.Period, Query.Rows, Query.Compare, cancellationToken);
            return [];
        }
        catch (PeriodNotBegunException)
        {
            return [new("kind", ReportQueryProblem.NotBegun)];
        }
    }
}
