using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Subscriptions;

public static class GetSubscriptions
{
    /// <summary>The subscriptions to units within the key's scope, oldest first, paged.</summary>
    [WolverineGet("/api/subscriptions", Name = "GetSubscriptions"), Authorize(Policy = Policies.Administer), Tags("Notifications")]
    [EndpointSummary("List subscriptions")]
    [EndpointDescription("The subscriptions to units within the key's scope, oldest first, paged.")]
    public static async Task<IResult> Get(string? page, string? pageSize, SubscriptionStore subscriptions, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var paging = ListPaging.Parse(query, page, pageSize);
        if (query.HasErrors) return query.Problem;
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        var visible = (await subscriptions.AllAsync(cancellationToken))
            .Where(s => tree.Contains(s.UnitCode) && tree.IsInScopeOf(s.UnitCode, user.ScopeUnitCode()))
            .ToList();
        var items = paging.Of(visible).Select(s => SubscriptionView.Of(s, tree.Find(s.UnitCode)?.Name)).ToList();
        return Results.Json(new SubscriptionPage(visible.Count, paging.Page, paging.PageSize, items), ApiJson.Options);
    }
}
