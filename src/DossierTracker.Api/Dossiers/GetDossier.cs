using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Dossiers;

public static class GetDossier
{
    /// <summary>A dossier with its full timeline. Outside the key's scope it does not exist (404, not 403).</summary>
    [WolverineGet("/api/dossiers/{dossierCode}", Name = "GetDossier"), Authorize(Policy = Policies.Supervise), Tags("Dossiers")]
    [EndpointSummary("Get a dossier")]
    [EndpointDescription("A dossier with its due times, pauses, apology, result and full timeline. Outside the key's scope it does not exist (404, not 403).")]
    public static async Task<IResult> Get(string dossierCode, DossierReader reader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!DossierCodes.IsValid(dossierCode))
            return Problems.Validation(new Dictionary<string, string[]> { ["dossierCode"] = [$"dossierCode must be {DossierCodes.Alphabet}."] });
        return await reader.ReadAsync(dossierCode, user.ScopeUnitCode(), cancellationToken) is { } view
            ? Results.Json(view, ApiJson.Options)
            : Problems.Result(ProblemCatalogue.DossierNotFound, $"No dossier '{dossierCode}' within this key's scope.");
    }
}
