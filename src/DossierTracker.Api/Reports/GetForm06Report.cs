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

public static class GetForm06Report
{
    [WolverineGet("/api/reports/form06", Name = "GetForm06Report"), Authorize(Policy = Policies.Supervise), Tags("Reports")]
    [EndpointSummary("Get form 06 over any period")]
    [EndpointDescription("Form Biểu số 06/VPCP/KSTT over a month, quarter, half year, year (calendar or official cut-off) or any span of dates, with rows by unit, field or procedure, optionally compared with the period before or the same period a year earlier. A period still running is counted up to now (`provisional`, `asOf`); one not begun is a 422 `period-in-future`.")]
    public static async Task<IResult> Get(string? unit, string? period, string? from, string? to, string? cutoff, string? rows, string? compare,
        string? format, string? lang, Form06Reports reports, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var reportPeriod = ReportRequest.Period(query, period, from, to, cutoff);
        var rowsBy = query.Enum("rows", rows, ReportRowsBy.Unit);
        var comparison = query.Enum("compare", compare, ReportComparison.None);
        var reportFormat = query.Enum("format", format, ReportFormat.Json);
        var language = string.IsNullOrEmpty(lang) ? "vi" : lang;
        query.Check(language is "vi" or "en", "lang", "lang must be vi or en.");
        var unitCode = query.Code("unit", unit);
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(unitCode, user, snapshot.Units);
        if (problem is not null) return problem;
        if (ReportRequest.NotBegun(reportPeriod!, clock.Now, string.IsNullOrEmpty(period) ? "from" : "period") is { } notBegun) return notBegun;

        var report = await reports.BuildAsync(scope!, reportPeriod!, rowsBy, comparison, cancellationToken);
        var fileName = $"bieu-06-{report.UnitCode}-{report.Period.From:yyyyMMdd}-{report.Period.To:yyyyMMdd}";
        return reportFormat switch
        {
            ReportFormat.Csv => Results.File(Form06Csv.Write(report, withHeading: true, language), "text/csv; charset=utf-8", fileName + ".csv"),
            ReportFormat.Xlsx => Results.File(Form06Xlsx.Write(report, snapshot.Units, language),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx"),
            _ => Results.Json(Form06Response.Of(report), ApiJson.Options),
        };
    }
}
