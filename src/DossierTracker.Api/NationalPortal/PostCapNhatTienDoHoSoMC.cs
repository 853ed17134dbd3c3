using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.NationalPortal;

public static class PostCapNhatTienDoHoSoMC
{
    /// <summary>The National Public Service Portal's step progress (NationalPortal/README.md).</summary>
    [WolverinePost("/api/dvcqg/CapNhatTienDoHoSoMC", Name = "PostDvcqgCapNhatTienDoHoSoMC"), Authorize(Policy = Policies.Ingest), Tags("Ingesting")]
    [EndpointSummary("Record processing steps in the National Public Service Portal's CapNhatTienDoHoSoMC format")]
    [EndpointDescription("Accepts { service: \"CapNhatTienDoHoSoMC\", data: [ up to 1000 steps ] }. Each step (MaHoSo, NguoiXuLy, ThoiDiemXuLy, PhongBanXuLy, NoiDungXuLy, TrangThai, NgayKetThucTheoQuyDinh) is stored as a processing event with the officer as handler and department, step deadline and status in the note; its id comes from the dossier, the time and the officer, so a retry stores nothing. Answers 200 in the portal's style, one result per step; a body of another shape is a 400.")]
    public static Task<IResult> Post(HttpRequest request, PortalSync sync, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        JsonBody.HandleAsync(request, async root =>
        {
            var (data, _, invalid) = PortalEnvelope.Read(root, PortalSync.ProgressService);
            if (invalid is not null) return invalid;
            var response = await sync.SyncProgressAsync(data, Submitter.For(user, EventSources.NationalPortal), cancellationToken);
            return Results.Json(response, ApiJson.Options);
        }, cancellationToken, itemsProperty: "data");
}
