using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Operations;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using JasperFx.Core;
using Marten;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace DossierTracker.Api.LateDetection;

/// <summary>The dossier passed this due time while open and running: the tracker records that it is late.</summary>
public sealed record MarkDossierLate(string DossierCode, DateTimeOffset DueAt);

/// <summary>
/// Appends the tracker's <c>late</c> event in the session Wolverine opens, enrolled in its Marten outbox and committed
/// by its transactional middleware: a message this handler sends (an alert, say) is stored in the same transaction as
/// the event, so it goes out exactly when the event is stored. Exactly once per due time: the event id is derived from
/// dossier and due time and the ingestion ledger stores it once however often, and on however many nodes, the message
/// is handled; the decider re-checks the dossier under its lock, so a stale message appends nothing.
/// </summary>
public static class MarkDossierLateHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException(EventIngestor.IsRetryable).RetryWithCooldown(20.Milliseconds(), 100.Milliseconds(), 500.Milliseconds());

    public static async Task Handle(MarkDossierLate message, IDocumentSession session, EventIngestor ingestor, TrackerClock clock,
        TrackerMetrics metrics, CancellationToken cancellationToken)
    {
        var results = await ingestor.AppendAsync(session, [new TrackerLateSubmission(message.DossierCode, message.DueAt)],
            new Submitter(null, EventSources.Tracker), cancellationToken);
        if (results[0].Status == IngestionStatus.Created) metrics.LateDetected(clock.Now - message.DueAt);
    }
}
