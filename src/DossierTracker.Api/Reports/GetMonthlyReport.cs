using System.Security.Claims;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Reports;

public enum ReportFormat { Json, Csv, Xlsx }

public static class GetMonthlyReport
{
    /// <summary>
    /// Form Biểu số 06/VPCP/KSTT for a month: one row per unit of the subtree valid in the month, a subtotal per level and
    /// a total, with the Decision 766 indicator. <c>format=csv|xlsx</c> downloads it; <c>lang=en</c> gives English headings.
    /// </summary>
    [WolverineGet("/api/reports/monthly", Name = "GetMonthlyReport"), Authorize(Policy = Policies.Supervise), Tags("Reports")]
    [EndpointSummary("Get the monthly report (form 06)")]
    [EndpointDescription("Form Biểu số 06/VPCP/KSTT for a calendar month: one row per unit of the subtree valid in the month, a subtotal per level and a total, with the Decision 766 indicator. The calendar month of `GET /api/reports/form06` with `rows=unit`. A month still running is counted up to now (`provisional`, `asOf`); one not begun is a 422 `period-in-future`. `format=csv|xlsx` downloads it; `lang=en` gives English XLSX headings.")]
    public static async Task<IResult> Get(string? month, string? unit, string? format, string? lang,
        Form06Reports reports, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var reportMonth = query.Month("month", month, required: true);
        var reportFormat = query.Enum("format", format, ReportFormat.Json);
        var language = string.IsNullOrEmpty(lang) ? "vi" : lang;
        query.Check(language is "vi" or "en", "lang", "lang must be vi or en.");
        var unitCode = query.Code("unit", unit);
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(unitCode, user, snapshot.Units);
        if (problem is not null) return problem;

        var period = ReportPeriod.Month(reportMonth!.Value.Year, reportMonth.Value.Month);
        if (ReportRequest.NotBegun(period, clock.Now, "month") is { } notBegun) return notBegun;

        var report = await reports.BuildAsync(scope!, period, ReportRowsBy.Unit, ReportComparison.None, cancellationToken);
        var fileName = $"bieu-06-{report.UnitCode}-{reportMonth}";
        return reportFormat switch
        {
            ReportFormat.Csv => Results.File(Form06Csv.Write(report, withHeading: false), "text/csv; charset=utf-8", fileName + ".csv"),
            ReportFormat.Xlsx => Results.File(Form06Xlsx.Write(report, snapshot.Units, language),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx"),
            _ => Results.Json(MonthlyReportResponse.Of(report), ApiJson.Options),
        };
    }
}
