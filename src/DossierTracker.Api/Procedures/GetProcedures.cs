using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Procedures;

public static class GetProcedures
{
    [WolverineGet("/api/procedures", Name = "GetProcedures"), Authorize(Policy = Policies.AnyKey), Tags("Reference data")]
    [EndpointSummary("Get the procedure catalogue")]
    [EndpointDescription("Every procedure with its legal processing time, ordered by code.")]
    public static async Task<IResult> Get(ReferenceDataCache referenceData, CancellationToken cancellationToken) =>
        Results.Json(ProcedurePayload.Ordered((await referenceData.RefreshAsync(cancellationToken)).Procedures.Values), ApiJson.Options);
}
