using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Procedures;

public static class PutProcedures
{
    /// <summary>Upserts procedures and their legal processing times. Due times already computed are not changed.</summary>
    [WolverinePut("/api/procedures", Name = "PutProcedures"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Add or replace procedures")]
    [EndpointDescription("Upserts procedures and their legal processing times. Due times already computed are not changed.")]
    public static Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken) =>
        ReferenceDataPut.HandleAsync<ProcedurePayload, ReferenceDataSnapshot>(request,
            payload => ProceduresUpsert.ApplyAsync(payload, store, referenceData, cancellationToken),
            stored => ProcedurePayload.Ordered(stored.Procedures.Values), cancellationToken);
}
