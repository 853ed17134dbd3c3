using DossierTracker.Api.ReferenceData;
using JasperFx.Core;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Queues a <c>late</c> notice to every webhook that wants it for the dossier's unit. <see cref="DossierBecameLate"/>
/// exists once per (dossier, due time), and the deliveries' unique key stores a retried message's deliveries once.
/// </summary>
public static class LateWebhookHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());

    public static async Task<OutgoingMessages> Handle(DossierBecameLate late, IDocumentSession session, WebhookRegistry registry,
        ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        var webhooks = (await registry.ActiveAsync(cancellationToken)).Where(w => w.Wants(WebhookKinds.Late)).ToList();
        if (webhooks.Count == 0) return outgoing;
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        var notice = WebhookNotice.Of(WebhookKinds.Late, late.DossierCode, late.UnitCode, late.ProcedureCode, late.DueAt, late.DetectedAt);
        outgoing.AddRange(WebhookOutbox.Enqueue(session, [notice], webhooks, tree, late.DetectedAt, recordDueSoon: false));
        return outgoing;
    }
}
