using DossierTracker.Api.ReferenceData;
using JasperFx.Core;
using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Queues a <c>late</c> notice to every webhook that wants it for the dossier's unit. <see cref="DossierBecameLate"/>
/// exists once per (dossier, due time), and the deliveries' unique key stores a retried message's deliveries once.
/// <para>
/// The deliveries and their messages are committed in a session of its own (the sweeper's way), not in one given by
/// Wolverine's transactional middleware: with the middleware, this chain failed every time with
/// <c>DuplicateIncomingEnvelopeException</c> on the message cascaded to two separated handlers. Handling the message
/// again after a crash between this commit and Wolverine's acknowledgement adds nothing: the unique key holds.
/// </para>
/// </summary>
public static class LateWebhookHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());

    public static async Task Handle(DossierBecameLate late, OutboxedSessionFactory sessions, IWolverineRuntime runtime, WebhookRegistry registry,
        ReferenceDataCache referenceData, CancellationToken cancellationToken)
    {
        var webhooks = (await registry.ActiveAsync(cancellationToken)).Where(w => w.Wants(WebhookKinds.Late)).ToList();
        if (webhooks.Count == 0) return;
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        var notice = WebhookNotice.Of(WebhookKinds.Late, late.DossierCode, late.UnitCode, late.ProcedureCode, late.DueAt, late.DetectedAt);
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        foreach (var message in WebhookOutbox.Enqueue(session, [notice], webhooks, tree, late.DetectedAt, recordDueSoon: false))
            await bus.PublishAsync(message);
        await session.SaveChangesAsync(cancellationToken);
    }
}
