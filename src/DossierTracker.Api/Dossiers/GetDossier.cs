using System.Security.Claims;
using DossierTracker.Api.Errors;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Dossiers;

public static class GetDossier
{
    /// <summary>A dossier with its full timeline, folded from its event stream (never stale). Outside the key's scope it does not exist.</summary>
    [WolverineGet("/api/dossiers/{dossierCode}", Name = "GetDossier"), Authorize(Policy = Policies.Supervise), Tags("Dossiers")]
    public static async Task<IResult> Get(string dossierCode, IQuerySession session, ReferenceDataCache referenceData, TrackerClock clock,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var events = dossierCode.StartsWith('$') ? [] : await session.Events.FetchStreamAsync(dossierCode, token: cancellationToken);
        var snapshot = await referenceData.GetAsync(cancellationToken);
        if (events.Count == 0 || events[0].Data is not DossierReceived
            || Dossier.Fold(dossierCode, events.Select(e => (IDossierEvent)e.Data)) is not { } dossier
            || !snapshot.Units.IsWithin(dossier.UnitCode, user.ScopeUnitCode()))
            return Problems.Result(ProblemCatalogue.DossierNotFound, $"No dossier '{dossierCode}' within this key's scope.");

        var view = DossierView.Of(dossier, events, snapshot.Calendar, clock.Now,
            snapshot.Units.Find(dossier.UnitCode)?.Name, snapshot.Procedures.GetValueOrDefault(dossier.ProcedureCode)?.Name);
        return Results.Json(view, ApiJson.Options);
    }
}
