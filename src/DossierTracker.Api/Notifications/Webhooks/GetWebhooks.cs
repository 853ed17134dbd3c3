using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Webhooks;

public static class GetWebhooks
{
    /// <summary>The webhooks registered for units in the caller's scope, oldest first, without their secrets.</summary>
    [WolverineGet("/api/webhooks", Name = "GetWebhooks"), Authorize(Policy = Policies.Administer), Tags("Webhooks")]
    [EndpointSummary("List webhooks")]
    [EndpointDescription("The webhooks registered for units in the caller's scope, oldest first, without their secrets.")]
    public static async Task<IResult> Get(WebhookRegistry registry, ReferenceDataCache referenceData, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        var webhooks = await registry.ActiveAsync(cancellationToken);
        return Results.Json(new WebhookList(webhooks.Where(w => tree.IsInScopeOf(w.UnitCode, user.ScopeUnitCode())).ToList()), ApiJson.Options);
    }

    /// <summary>The webhook when it exists, is not removed and its unit is in the caller's scope; otherwise a 404 that reveals nothing.</summary>
    public static async Task<(Webhook? Webhook, IResult? Problem)> FindInScopeAsync(string id, WebhookRegistry registry, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var notFound = Problems.Result(ProblemCatalogue.WebhookNotFound, $"No webhook '{id}' in this key's scope.");
        if (!Guid.TryParse(id, out var guid) || await registry.FindAsync(guid, cancellationToken) is not { } webhook) return (null, notFound);
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        return tree.IsInScopeOf(webhook.UnitCode, user.ScopeUnitCode()) ? (webhook, null) : (null, notFound);
    }
}
