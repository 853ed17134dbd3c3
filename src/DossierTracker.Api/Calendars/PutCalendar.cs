using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Calendars;

public static class PutCalendar
{
    /// <summary>
    /// Replaces a year's days off and worked weekend days. Recorded as an event with who and when; due times already
    /// computed keep their value (history is never rewritten), new ones use the corrected year.
    /// </summary>
    [WolverinePut("/api/calendar/{year}", Name = "PutCalendar"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Correct a year's working calendar")]
    [EndpointDescription("Replaces a year's days off and worked weekend days. Recorded as an event with who and when; due times already computed keep their value (history is never rewritten), new ones use the corrected year.")]
    public static async Task<IResult> Put(string year, HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData,
        TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, out var y) || y is < SupportedYears.First or > SupportedYears.Last)
            return Problems.Validation(new Dictionary<string, string[]> { ["year"] = [$"year must be a number from {SupportedYears.First} to {SupportedYears.Last}."] });
        var (payload, problem) = await JsonInput.ReadAsync<CalendarCorrectionPayload>(request, cancellationToken);
        if (problem is not null) return problem;

        var holidays = (payload!.Holidays ?? []).Distinct().Order().ToList();
        var workingDays = (payload.WorkingDays ?? []).Distinct().Order().ToList();
        var errors = new Dictionary<string, string[]>();
        if (holidays.Any(d => d.Year != y)) errors["holidays"] = [$"Every holiday must be in {y}."];
        if (workingDays.Any(d => d.Year != y)) errors["workingDays"] = [$"Every working day must be in {y}."];
        else if (workingDays.Any(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            errors["workingDays"] = ["workingDays lists weekend days that are worked; a weekday is already a working day."];
        if (holidays.Intersect(workingDays).Any()) errors["workingDays"] = ["A day cannot be both a holiday and a working day."];
        if (errors.Count > 0) return Problems.Validation(errors);

        var correction = new CalendarYearCorrected(y, holidays, workingDays, $"{user.KeyName()} ({user.FindFirstValue(ClaimTypes.NameIdentifier)})", clock.Now);
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(CalendarCorrections.StreamKey(y), correction);
            await session.SaveChangesAsync(cancellationToken);
        }
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(CalendarYearView.Of(snapshot.Calendar.Holidays.For(y), correction, snapshot.Calendar.OfficeHours), ApiJson.Options);
    }
}
