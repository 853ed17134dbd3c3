using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Organisation;

public static class PutUnits
{
    /// <summary>
    /// Upserts the units given (units not named are kept: dossiers and history refer to them). The merged tree is checked
    /// as a whole — unknown parents, cycles, levels under the wrong parent — and nothing is stored unless it is valid.
    /// </summary>
    [WolverinePut("/api/units", Name = "PutUnits"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Add or replace units")]
    [EndpointDescription("Upserts the units given; units not named are kept. The merged tree is checked as a whole and nothing is stored unless it is valid.")]
    public static async Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var (payload, problem) = await JsonInput.ReadAsync<UnitPayload?[]>(request, cancellationToken);
        if (problem is not null) return problem;

        var upsert = await UnitsUpsert.ApplyAsync(payload!, store, referenceData, cancellationToken);
        return upsert.IsRejected
            ? Problems.Validation(upsert.Errors!, upsert.Detail)
            : Results.Json(UnitPayload.Ordered(upsert.Stored!), ApiJson.Options);
    }
}
