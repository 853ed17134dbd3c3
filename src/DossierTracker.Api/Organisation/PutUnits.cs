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
    /// </summary>
    [WolverinePut("/api/units", Name = "PutUnits"), Authorize(Policy = Policies.Administer), Tags("Reference data")]
    [EndpointSummary("Add or replace units")]
    [EndpointDescription("Upserts the units given; units not named are kept. The merged tree is checked as a whole and nothing is stored unless it is valid.")]
    public static Task<IResult> Put(HttpRequest request, IDocumentStore store, ReferenceDataCache referenceData, CancellationToken cancellationToken) =>
        ReferenceDataPut.HandleAsync<UnitPayload, IReadOnlyList<Unit>>(request,
            payload => UnitsUpsert.ApplyAsync(payload, store, referenceData, cancellationToken),
            stored => UnitPayload.Ordered(stored), cancellationToken);
}
