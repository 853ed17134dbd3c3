using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Organisation;

public static class GetUnits
{
    /// <summary>The organisation tree as a list ordered by level then code; <c>parentCode</c> links it.</summary>
    [WolverineGet("/api/units", Name = "GetUnits"), Authorize(Policy = Policies.AnyKey), Tags("Reference data")]
    [EndpointSummary("Get the organisation tree")]
    [EndpointDescription("Every unit as a list ordered by level then code; `parentCode` links the tree.")]
    public static async Task<IResult> Get(ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.RefreshAsync(cancellationToken);
        return Results.Json(UnitPayload.Ordered(snapshot.Units.Units), ApiJson.Options);
    }
}
