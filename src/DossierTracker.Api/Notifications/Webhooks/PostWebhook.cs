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

public static class PostWebhook
{
    /// <summary>
    /// Registers a receiver for notices about the dossiers of a unit's scope (its subtree and predecessors). The answer
    /// carries the signing secret, this once; the audit entry (without the secret) commits with the registration.
    /// </summary>
    [WolverinePost("/api/webhooks", Name = "PostWebhook"), Authorize(Policy = Policies.Administer), Tags("Webhooks")]
    [EndpointSummary("Register a webhook")]
    [EndpointDescription("Registers a URL to receive signed `late` and/or `due-soon` notices for the dossiers of a unit's scope. The answer shows the signing secret once.")]
    public static async Task<IResult> Post(string? reason, HttpContext context, IDocumentStore store, AuditTrail audit, WebhookSecrets secrets,
        ReferenceDataCache referenceData, TrackerClock clock, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var query = new QueryParameters();
        var change = new AuditedChange(AuditActors.Of(user), AuditedChange.ParseReason(query, reason));
        if (query.HasErrors) return query.Problem;
        var (payload, problem) = await JsonInput.ReadAsync<WebhookRegistrationPayload>(context.Request, cancellationToken);
        if (problem is not null) return problem;
        var errors = payload!.Errors();
        if (errors.Count > 0) return Problems.Validation(errors);
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var (_, scopeProblem) = UnitScope.Resolve(payload.UnitCode, user, snapshot.Units);
        if (scopeProblem is not null) return scopeProblem;

        var now = clock.Now;
        var secret = WebhookSecrets.Generate();
        var events = WebhookKinds.All.Where(k => payload.Events!.Contains(k)).ToArray();
        var webhook = new Webhook(Guid.CreateVersion7(now), payload.Url!, payload.UnitCode!, events, now);
        await using (var session = store.LightweightSession())
        {
            session.QueueSqlCommand(
                $"insert into {WebhookTables.Webhooks} (id, url, unit_code, events, protected_secret, created_at) values (?::uuid, ?::text, ?::text, ?::text[], ?::text, ?::timestamptz)",
                webhook.Id, webhook.Url, webhook.UnitCode, events, secrets.Protect(secret), now.ToUniversalTime());
            audit.Enlist(session, change.Entry(AuditActions.WebhookRegistered, webhook.UnitCode, webhook.Id.ToString(), null,
                JsonSerializer.SerializeToNode(webhook, ApiJson.Options)));
            await session.SaveChangesAsync(cancellationToken);
        }
        context.Response.Headers.Location = $"/api/webhooks/{webhook.Id}";
        return Results.Json(new RegisteredWebhook(webhook.Id, webhook.Url, webhook.UnitCode, webhook.Events, webhook.CreatedAt, secret),
            ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
