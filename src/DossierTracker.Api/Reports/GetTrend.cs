using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Reporting;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Reports;

public static class GetTrend
{
    public const int MaxMonths = 120;

    /// <summary>Month by month figures of a unit's whole subtree: on-time rate, indicator 766, received, resolved, late.</summary>
    [WolverineGet("/api/reports/trend", Name = "GetTrend"), Authorize(Policy = Policies.Supervise), Tags("Reports")]
    [EndpointSummary("Get the monthly trend")]
    [EndpointDescription("Month by month figures of a unit's whole subtree: on-time rate, indicator 766 and its numerator, received, resolved, resolved late and in progress overdue. A last month still running is counted up to now (`provisional`, `asOf`); a `to` month not begun is a 422 `period-in-future`.")]
    public static async Task<IResult> Get(string? unit, string? from, string? to,
        Form06Reports reports, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var today = DossierTracker.Calendar.VietnamTime.LocalDate(clock.Now);
        var current = new ReportMonth(today.Year, today.Month);
        var last = query.Month("to", to, required: false) ?? current;
        var first = query.Month("from", from, required: false) ?? Back(last, 11);
        query.Check(first <= last, "from", "from must not be after to.");
        query.Check(ReportMonth.Range(first, last).Count() <= MaxMonths, "from", $"A trend covers at most {MaxMonths} months.");
        var unitCode = query.Code("unit", unit);
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(unitCode, user, snapshot.Units);
        if (problem is not null) return problem;

        if (ReportRequest.NotBegun(ReportPeriod.Month(last.Year, last.Month), clock.Now, "to") is { } notBegun) return notBegun;

        var trend = await reports.TrendAsync(scope!, first, last, cancellationToken);
        return Results.Json(new TrendResponse(scope!.Unit.Code, first.ToString(), last.ToString(), trend.Provisional, trend.AsOf,
            trend.Months.Select(TrendMonthResponse.Of).ToList()), ApiJson.Options);
    }

    private static ReportMonth Back(ReportMonth month, int count)
    {
        for (var i = 0; i < count; i++) month = month.Previous();
        return month;
    }
}
