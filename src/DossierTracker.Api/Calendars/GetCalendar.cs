using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Calendars;

public static class GetCalendar
{
    /// <summary>The year's days off and worked weekend days: an operator's correction, else the official table, else computed.</summary>
    [WolverineGet("/api/calendar/{year}", Name = "GetCalendar"), Authorize(Policy = Policies.AnyKey), Tags("Reference data")]
    [EndpointSummary("Get a year's working calendar")]
    [EndpointDescription("The year's days off and worked weekend days: an operator's correction, else the official table, else computed from the rules.")]
    public static async Task<IResult> Get(string year, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (CalendarYearUpsert.ParseYear(year, errors) is not { } y) return Problems.Validation(errors);
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(CalendarYearView.Of(snapshot.Calendar.Holidays.For(y), snapshot.CalendarCorrections.GetValueOrDefault(y),
            snapshot.Calendar.OfficeHours), ApiJson.Options);
    }
}
