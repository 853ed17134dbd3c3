using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Marten;
using Npgsql;

namespace DossierTracker.Api.Calendars;

/// <summary>
/// Validates and stores an operator's correction of a year, for PUT /api/calendar/{year} and the admin area's calendar
/// alike. Recorded as an event with who and when; due times already computed keep their value (history is never
/// rewritten), new ones use the corrected year at once on this node (the cache is refreshed) and within
/// <see cref="ReferenceDataCache.MaxAge"/> on the others. The audit entry (the year before and after) commits with the event.
/// </summary>
public static class CalendarYearUpsert
{
    /// <summary>Namespace of the calendar's advisory lock (one per year), apart from the dossiers', units' and procedures'.</summary>
    private const int CalendarLockSpace = 0x44540004;

    /// <summary>The year of a route or form: a number the working calendar covers.</summary>
    public static int? ParseYear(string? text, IDictionary<string, string[]> errors)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= SupportedYears.First and <= SupportedYears.Last)
            return year;
        errors["year"] = [$"year must be a number from {SupportedYears.First} to {SupportedYears.Last}."];
        return null;
    }

    /// <summary>The problems of a correction (field → messages); empty when it may be stored.</summary>
    public static Dictionary<string, string[]> Check(int year, IReadOnlyCollection<DateOnly> holidays, IReadOnlyCollection<DateOnly> workingDays)
    {
        var errors = new Dictionary<string, string[]>();
        if (holidays.Any(d => d.Year != year)) errors["holidays"] = [$"Every holiday must be in {year}."];
        if (workingDays.Any(d => d.Year != year)) errors["workingDays"] = [$"Every working day must be in {year}."];
        else if (workingDays.Any(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            errors["workingDays"] = ["workingDays lists weekend days that are worked; a weekday is already a working day."];
        if (holidays.Intersect(workingDays).Any()) errors["workingDays"] = ["A day cannot be both a holiday and a working day."];
        return errors;
    }

    public static async Task<ReferenceDataUpsert<CalendarYearView>> ApplyAsync(int year, CalendarCorrectionPayload payload, AuditedChange change,
        IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData, TrackerClock clock, CancellationToken cancellationToken)
    {
        var holidays = (payload.Holidays ?? []).Distinct().Order().ToList();
        var workingDays = (payload.WorkingDays ?? []).Distinct().Order().ToList();
        var errors = Check(year, holidays, workingDays);
        if (errors.Count > 0) return ReferenceDataUpsert<CalendarYearView>.Rejected(errors);

        var correction = new CalendarYearCorrected(year, holidays, workingDays, $"{change.Actor.Name} ({change.Actor.Id})", clock.Now);
        await using (var session = store.LightweightSession())
        {
            // The audit's "before" is the year as stored: two corrections of one year at once would both read the same.
            await session.BeginTransactionAsync(cancellationToken);
            await using (var lockCommand = new NpgsqlCommand($"select pg_advisory_xact_lock({CalendarLockSpace}, {year})", session.Connection))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            var corrections = await CalendarCorrections.LoadAsync(session, cancellationToken);
            var before = new HolidayCalendar(corrections.ToDictionary(c => c.Key, c => c.Value.ToCalendarYear())).For(year);
            session.Events.Append(CalendarCorrections.StreamKey(year), correction);
            audit.Enlist(session, change.Entry(AuditActions.CalendarYearCorrected, null, year.ToString(CultureInfo.InvariantCulture),
                Audited(before.Source, before.DaysOff, before.WorkingWeekendDays), Audited(CalendarYearSource.Operator, holidays, workingDays)));
            await session.SaveChangesAsync(cancellationToken);
        }
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return ReferenceDataUpsert<CalendarYearView>.Accepted(CalendarYearView.Of(snapshot.Calendar.Holidays.For(year), correction, snapshot.Calendar.OfficeHours));
    }

    private static JsonNode? Audited(CalendarYearSource source, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingDays) =>
        JsonSerializer.SerializeToNode(new { source, holidays = holidays.Order(), workingDays = workingDays.Order() }, ApiJson.Options);
}
