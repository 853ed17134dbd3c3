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
    [EndpointDescription("Month by month figures of a unit's whole subtree: on-time rate, indicator 766 and its numerator, received, resolved, resolved late and in progress overdue.")]
    public static async Task<IResult> Get(string? unit, string? from, string? to,
        MonthlyReports reports, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
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

        var months = (await reports.TrendAsync(scope!, first, last, cancellationToken))
            .Select(p => new TrendMonthResponse(p.Month.ToString(), p.Figures.OnTimeRate, p.Figures.Indicator766, p.Figures.Points766, p.Figures.OnTime766,
                p.Figures.Received, p.Figures.Resolved, p.Figures.ResolvedLate, p.Figures.InProgressOverdue))
            .ToList();
        return Results.Json(new TrendResponse(scope!.Unit.Code, first.ToString(), last.ToString(), months), ApiJson.Options);
    }

    private static ReportMonth Back(ReportMonth month, int count)
    {
        for (var i = 0; i < count; i++) month = month.Previous();
        return month;
    }
}
