using System.Security.Claims;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.LateDossiers;

public static class GetDueSoon
{
    /// <summary>
    /// Open, running dossiers not yet overdue with at most <c>withinHours</c> working hours left (default 8), least
    /// remaining first; one due exactly now is included; paused dossiers are left out.
    /// </summary>
    [WolverineGet("/api/dossiers/due-soon", Name = "GetDueSoon"), Authorize(Policy = Policies.Supervise), Tags("Lists")]
    [EndpointSummary("List dossiers due soon")]
    [EndpointDescription("Open, running dossiers not yet overdue with at most `withinHours` working hours left (default 8), least remaining first; one due exactly now is included; paused dossiers are left out.")]
    public static async Task<IResult> Get(
        string? unit, string? withinHours, string? from, string? to, string? procedure, string? channel,
        string? page, string? pageSize, string? format, string? field, string? dossierCode,
        DossierLists lists, ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var request = DossierListRequest.Parse(query, unit, from, to, procedure, channel, page, pageSize, format, field, dossierCode);
        var within = query.Number("withinHours", withinHours, DossierLists.DefaultWithinHours, 0, 2000);
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (scope, problem) = UnitScope.Resolve(request.Unit, user, snapshot.Units);
        if (problem is not null) return problem;

        var now = clock.Now;
        var items = await lists.DueSoonAsync(scope!, request, within, now, cancellationToken);
        return DossierListResponses.Page(DossierListResponses.PageOf(items, request.Paging), request.Format, $"ho-so-sap-den-han-{scope!.Unit.Code}-{ExportFileNames.DateStamp(now)}.csv", withRemaining: true);
    }
}
