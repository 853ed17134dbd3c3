using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Auditing;

public static class GetAudit
{
    /// <summary>
    /// The audit trail, newest first, paged as the late list: what the caller's scope covers and its own actions,
    /// filtered by local dates, action, actor, subject and unit.
    /// </summary>
    [WolverineGet("/api/audit", Name = "GetAudit"), Authorize(Policy = Policies.Administer), Tags("Audit")]
    [EndpointSummary("Read the audit trail")]
    [EndpointDescription("Who changed what, when and why: reference data, keys and accounts, sign-ins and failed sign-ins. Newest first, paged; an admin reads the entries of the units in its scope, province-wide ones when its scope is a whole province, and its own actions.")]
    public static async Task<IResult> Get(string? from, string? to, string? action, string? actor, string? subject, string? unit,
        string? page, string? pageSize, AuditLog log, ReferenceDataCache referenceData, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var filter = AuditFilter.Parse(query, from, to, action, actor, subject, unit, page, pageSize);
        if (query.HasErrors) return query.Problem;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        IReadOnlyList<string>? unitCodes = null;
        if (filter.Unit is not null)
        {
            var (scope, problem) = UnitScope.Resolve(filter.Unit, user, snapshot.Units);
            if (problem is not null) return problem;
            unitCodes = scope!.Units.Select(u => u.Code).ToList();
        }
        var reader = AuditReaders.For(user, AuditActors.Of(user), snapshot.Units);
        return Results.Json(await log.PageAsync(reader, filter, unitCodes, cancellationToken), ApiJson.Options);
    }
}
