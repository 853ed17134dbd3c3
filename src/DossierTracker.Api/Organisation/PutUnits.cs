using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Organisation;

public static class PutUnits
{
    /// <summary>
    /// Upserts the units given (units not named are kept: dossiers and history refer to them). The merged tree is checked
    /// as a whole — unknown parents, cycles, levels under the wrong parent — and nothing is stored unless it is valid.
    /// A key changes units of its own scope only (a 403 otherwise). Each unit added or changed is recorded in the audit trail, with the optional <c>reason</c>.
    /// </summary>
    [WolverinePut("/api/units", Name = "PutUnits"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Add or replace units")]
    [EndpointDescription("Upserts the units given; units not named are kept. The merged tree is checked as a whole and nothing is stored unless it is valid; a key changes units of its own scope only (403 otherwise). Each unit added or changed is recorded in the audit trail with the optional `reason`.")]
    public static Task<IResult> Put(string? reason, HttpRequest request, IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReferenceDataPut.HandleAsync<UnitPayload, IReadOnlyList<Unit>>(request, reason, AuditActors.Of(user),
            (payload, change) => UnitsUpsert.ApplyAsync(payload, change, ChangeScope.Of(user.ScopeUnitCode()), store, audit, referenceData, cancellationToken),
            stored => UnitPayload.Ordered(stored), cancellationToken);
}
