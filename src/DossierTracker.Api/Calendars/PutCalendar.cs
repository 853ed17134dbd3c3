using System.Security.Claims;
using DossierTracker.Api.Audit;
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
    /// Replaces a year's days off and worked weekend days (<see cref="CalendarYearUpsert"/>): recorded as an event with
    /// who and when; due times already computed keep their value, new ones use the corrected year. The audit entry
    /// (the year before and after, with the optional <c>reason</c>) commits with the event.
    /// </summary>
    [WolverinePut("/api/calendar/{year}", Name = "PutCalendar"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Correct a year's working calendar")]
    [EndpointDescription("Replaces a year's days off and worked weekend days. Recorded as an event with who and when; due times already computed keep their value (history is never rewritten), new ones use the corrected year. Recorded in the audit trail with the optional `reason`.")]
    public static async Task<IResult> Put(string year, string? reason, HttpRequest request, IDocumentStore store, AuditTrail audit,
        ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var yearErrors = new Dictionary<string, string[]>();
        if (CalendarYearUpsert.ParseYear(year, yearErrors) is not { } y) return Problems.Validation(yearErrors);
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        var (payload, problem) = await JsonInput.ReadAsync<CalendarCorrectionPayload>(request, cancellationToken);
        if (problem is not null) return problem;

        var result = await CalendarYearUpsert.ApplyAsync(y, payload!, change, store, audit, referenceData, clock, cancellationToken);
        return result.IsRejected ? Problems.Validation(result.Errors!) : Results.Json(result.Stored, ApiJson.Options);
    }
}
