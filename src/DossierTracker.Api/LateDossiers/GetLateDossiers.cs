using System.Security.Claims;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.LateDossiers;

public static class GetLateDossiers
{
    /// <summary>
    /// Late dossiers of a unit's subtree: <c>open</c> (overdue now, or at <c>at</c>), <c>completed</c> (completed late)
    /// or <c>all</c>; filters, sorting and paging per the contract; <c>format=csv</c> for Excel.
    /// </summary>
    [WolverineGet("/api/dossiers/late", Name = "GetLateDossiers"), Authorize(Policy = Policies.Supervise), Tags("Lists")]
    [EndpointSummary("List late dossiers")]
    [EndpointDescription("Late dossiers of a unit's subtree: `open` (overdue now, or at `at`), `completed` (completed late) or `all`; filtered, sorted and paged; `format=csv` for Excel.")]
    public static async Task<IResult> Get(
        string? unit, string? state, string? from, string? to, string? procedure, string? channel, string? sort,
        string? page, string? pageSize, string? format, string? field, string? dossierCode, string? at,
        DossierLists lists, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var request = DossierListRequest.Parse(query, unit, from, to, procedure, channel, page, pageSize, format, field, dossierCode);
        var lateState = query.Enum("state", state, LateState.Open);
        var order = query.Enum("sort", sort, ListSort.Overdue, System.Text.Json.JsonNamingPolicy.CamelCase);
        var instant = query.Instant("at", at) ?? clock.Now;
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(request.Unit, user, snapshot.Units);
        if (problem is not null) return problem;

        var found = await lists.LateAsync(scope!, request, lateState, order, instant, request.Paging, cancellationToken);
        return DossierListResponses.Page(found, request.Format, $"ho-so-tre-han-{scope!.Unit.Code}-{ExportFileNames.DateStamp(instant)}.csv", withRemaining: false);
    }
}
