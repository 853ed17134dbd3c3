using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.NationalPortal;

public static class PostDongBoHoSoMC
{
    /// <summary>The National Public Service Portal's dossier sync (NationalPortal/README.md).</summary>
    [WolverinePost("/api/dvcqg/DongBoHoSoMC", Name = "PostDvcqgDongBoHoSoMC"), Authorize(Policy = Policies.Ingest), Tags("Ingesting")]
    [EndpointSummary("Sync dossier snapshots in the National Public Service Portal's DongBoHoSoMC format")]
    [EndpointDescription("Accepts the payload one-stop systems send to the portal ({ isUpdating, service: \"DongBoHoSoMC\", data: [ up to 1000 dossiers ] }). Each snapshot is compared with the dossier's state and only the new lifecycle events are stored, with ids derived from the snapshot, so a repeated snapshot stores nothing. Answers 200 in the portal's style: error_code \"0\" or \"-1\" and one result per dossier, each accepted or refused on its own; a body of another shape is a 400.")]
    public static Task<IResult> Post(HttpRequest request, PortalSync sync, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        JsonBody.HandleAsync(request, async root =>
        {
            var (data, senderUnit, invalid) = PortalEnvelope.Read(root, PortalSync.DossierService);
            if (invalid is not null) return invalid;
            var response = await sync.SyncDossiersAsync(data, senderUnit, Submitter.For(user, EventSources.NationalPortal), cancellationToken);
            return Results.Json(response, ApiJson.Options);
        }, cancellationToken, itemsProperty: "data");
}
