using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Subscriptions;

public static class DeleteSubscription
{
    /// <summary>Ends a subscription to a unit within the key's scope (emails already queued still go out); answers it as it was.</summary>
    [WolverineDelete("/api/subscriptions/{id}", Name = "DeleteSubscription"), Authorize(Policy = Policies.Administer), Tags("Notifications")]
    [EndpointSummary("End a subscription")]
    [EndpointDescription("Ends a subscription to a unit within the key's scope and answers it as it was. Unknown id: 404. Recorded in the audit trail with the optional `reason`.")]
    public static async Task<IResult> Delete(string id, string? reason, SubscriptionStore subscriptions, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        if (!Guid.TryParse(id, out var subscriptionId) || await subscriptions.FindAsync(subscriptionId, cancellationToken) is not { } subscription)
            return Problems.Result(ProblemCatalogue.NotFound, $"No subscription '{id}'.");
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        if (tree.Contains(subscription.UnitCode) && !tree.IsInScopeOf(subscription.UnitCode, user.ScopeUnitCode()))
            return Problems.Result(ProblemCatalogue.Forbidden, $"The subscription's unit '{subscription.UnitCode}' is outside this key's scope.");
        await subscriptions.DeleteAsync(subscription, change, cancellationToken);
        return Results.Json(SubscriptionView.Of(subscription, tree.Find(subscription.UnitCode)?.Name), ApiJson.Options);
    }
}
