using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Procedures;

public static class PutProcedures
{
    /// <summary>
    /// Upserts procedures and their legal processing times. Due times already computed are not changed. Each procedure
    /// added or changed is recorded in the audit trail, with the optional <c>reason</c>.
    /// </summary>
    [WolverinePut("/api/procedures", Name = "PutProcedures"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Add or replace procedures")]
    [EndpointDescription("Upserts procedures and their legal processing times. Due times already computed are not changed. Each procedure added or changed is recorded in the audit trail with the optional `reason`.")]
    public static Task<IResult> Put(string? reason, HttpRequest request, IDocumentStore store, AuditTrail audit, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ReferenceDataPut.HandleAsync<ProcedurePayload, ReferenceDataSnapshot>(request, reason, AuditActors.Of(user),
            (payload, change) => ProceduresUpsert.ApplyAsync(payload, change, store, audit, referenceData, cancellationToken),
            stored => ProcedurePayload.Ordered(stored.Procedures.Values), cancellationToken);
}
