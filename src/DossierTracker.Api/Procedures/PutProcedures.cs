using DossierTracker.Api.Http;
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
    public static async Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var (payload, problem) = await JsonInput.ReadAsync<ProcedurePayload?[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var upsert = await ProceduresUpsert.ApplyAsync(payload!, store, referenceData, cancellationToken);
        return upsert.IsRejected
            ? Problems.Validation(upsert.Errors!, upsert.Detail)
            : Results.Json(GetProcedures.Ordered(upsert.Stored!), ApiJson.Options);
    }
}
