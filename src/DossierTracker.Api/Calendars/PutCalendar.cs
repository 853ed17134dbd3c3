using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Calendars;

public static class PutCalendar
{
    /// <summary>Namespace of the calendar's advisory lock (one per year), apart from the dossiers', units' and procedures'.</summary>
    private const int CalendarLockSpace = 0x44540004;

    /// <summary>
    /// Replaces a year's days off and worked weekend days. Recorded as an event with who and when; due times already
    /// computed keep their value (history is never rewritten), new ones use the corrected year. The audit entry (the
    /// year before and after, with the optional <c>reason</c>) commits with the event.
    /// </summary>
    [WolverinePut("/api/calendar/{year}", Name = "PutCalendar"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Correct a year's working calendar")]
    [EndpointDescription("Replaces a year's days off and worked weekend days. Recorded as an event with who and when; due times already computed keep their value (history is never rewritten), new ones use the corrected year. Recorded in the audit trail with the optional `reason`.")]
    public static async Task<IResult> Put(string year, string? reason, HttpRequest request, IDocumentStore store, AuditTrail audit,
        ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!int.TryParse(year, out var y) || y is < SupportedYears.First or > SupportedYears.Last)
            return Problems.Validation(new Dictionary<string, string[]> { ["year"] = [$"year must be a number from {SupportedYears.First} to {SupportedYears.Last}."] });
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
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
            // The audit's "before" is the year as stored: two corrections of one year at once would both read the same.
            await session.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({CalendarLockSpace}, {y})", session.Connection))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            var corrections = await CalendarCorrections.LoadAsync(session, cancellationToken);
            var before = new HolidayCalendar(corrections.ToDictionary(c => c.Key, c => c.Value.ToCalendarYear())).For(y);
            session.Events.Append(CalendarCorrections.StreamKey(y), correction);
            audit.Enlist(session, change.Entry(AuditActions.CalendarYearCorrected, null, y.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Audited(before.Source, before.DaysOff, before.WorkingWeekendDays), Audited(CalendarYearSource.Operator, holidays, workingDays)));
            await session.SaveChangesAsync(cancellationToken);
        }
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(CalendarYearView.Of(snapshot.Calendar.Holidays.For(y), correction, snapshot.Calendar.OfficeHours), ApiJson.Options);
    }

    private static JsonNode? Audited(CalendarYearSource source, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays) =>
        JsonSerializer.SerializeToNode(new { source, holidays = holidays.Order(), workingDays = workingDays.Order() }, ApiJson.Options);
}
