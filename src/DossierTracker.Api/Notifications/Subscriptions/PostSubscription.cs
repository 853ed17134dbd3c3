using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Subscriptions;

public static class PostSubscription
{
    /// <summary>
    /// Subscribes an email address to a unit's subtree (within the key's scope): the daily digest, late alerts or both.
    /// The same address and unit again changes the existing subscription (200) instead of adding one (201).
    /// </summary>
    [WolverinePost("/api/subscriptions", Name = "PostSubscription"), Authorize(Policy = Policies.Administer), Tags("Notifications")]
    [EndpointSummary("Subscribe an email address to a unit's notifications")]
    [EndpointDescription("Subscribes an email address to a unit's subtree: `digest` (each working morning: overdue now, due within 8 working hours, completed late since the previous working day) and/or `lateAlerts` (an email when a dossier becomes late). The same address and unit again changes that subscription (200). Recorded in the audit trail with the optional `reason`.")]
    public static async Task<IResult> Post(string? reason, HttpRequest request, SubscriptionStore subscriptions, ReferenceDataCache referenceData,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        var (payload, problem) = await JsonInput.ReadAsync<SubscriptionPayload>(request, cancellationToken);
        if (problem is not null) return problem;

        var (digest, lateAlerts) = (payload!.Digest ?? false, payload.LateAlerts ?? false);
        var errors = SubscriptionRules.FieldErrors(payload.Email, payload.UnitCode, digest, lateAlerts);
        if (errors.Count > 0) return Problems.Validation(errors);
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        if (SubscriptionRules.UnitProblem(payload.UnitCode!, user.ScopeUnitCode(), tree) is { } unitProblem) return unitProblem;

        var (saved, created) = await subscriptions.SaveAsync(payload.Email!, payload.UnitCode!, digest, lateAlerts, null, change, cancellationToken);
        var view = SubscriptionView.Of(saved, tree.Find(saved.UnitCode)?.Name);
        return created
            ? Results.Json(view, ApiJson.Options, statusCode: StatusCodes.Status201Created)
            : Results.Json(view, ApiJson.Options);
    }
}
