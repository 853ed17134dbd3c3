using System.Security.Claims;
using System.Text.Json;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Notifications.Webhooks;

public static class DeleteWebhook
{
    /// <summary>
    /// Removes a webhook: no notice is sent to it any more, its pending deliveries are cancelled. The row stays (marked
    /// removed) so its deliveries keep their history; the audit entry commits with the removal. The answer is the
    /// webhook as it was.
    /// </summary>
    [WolverineDelete("/api/webhooks/{id}", Name = "DeleteWebhook"), Authorize(Policy = Policies.Administer), Tags("Webhooks")]
    [EndpointSummary("Remove a webhook")]
    [EndpointDescription("Removes a webhook: no notice is sent to it any more and its pending deliveries are cancelled. Answers with the webhook as it was.")]
    public static async Task<IResult> Delete(string id, string? reason, IDocumentStore store, AuditTrail audit, WebhookRegistry registry,
        ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        var (webhook, problem) = await GetWebhooks.FindInScopeAsync(id, registry, referenceData, user, cancellationToken);
        if (problem is not null) return problem;

        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand($"update {WebhookTables.Webhooks} set removed_at = ?::timestamptz where id = ?::uuid and removed_at is null",
                clock.Now.ToUniversalTime(), webhook!.Id);
            session.QueueSqlCommand(
                $"update {WebhookTables.Deliveries} set status = '{WebhookDeliveryStatus.Cancelled}' where webhook_id = ?::uuid and status = '{WebhookDeliveryStatus.Pending}'",
                webhook.Id);
            audit.Enlist(session, change.Entry(AuditActions.WebhookRemoved, webhook.UnitCode, webhook.Id.ToString(),
                JsonSerializer.SerializeToNode(webhook, ApiJson.Options), null));
            await session.SaveChangesAsync(cancellationToken);
        }
        return Results.Json(webhook, ApiJson.Options);
    }
}
