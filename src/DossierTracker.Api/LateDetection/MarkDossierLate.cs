using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Notifications;
using DossierTracker.Api.Operations;
using DossierTracker.Api.ReadModel;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using JasperFx.Core;
using Marten;
using Npgsql;
using Wolverine;
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
/// is handled; the decider re-checks the dossier under its lock, so a stale message appends nothing. Only a created
/// event cascades <see cref="DossierBecameLate"/>, so the alerts that follow it exist once per due time too.
/// </summary>
public static class MarkDossierLateHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException(EventIngestor.IsRetryable).RetryWithCooldown(20.Milliseconds(), 100.Milliseconds(), 500.Milliseconds());

    public static async Task<OutgoingMessages> Handle(MarkDossierLate message, IDocumentSession session, EventIngestor ingestor, TrackerClock clock,
        TrackerMetrics metrics, CancellationToken cancellationToken)
    {
        var results = await ingestor.AppendAsync(session, [new TrackerLateSubmission(message.DossierCode, message.DueAt)],
            new Submitter(null, EventSources.Tracker), cancellationToken);
        var outgoing = new OutgoingMessages();
        if (results[0].Status != IngestionStatus.Created) return outgoing;
        metrics.LateDetected(clock.Now - message.DueAt);
        var (unitCode, procedureCode) = await UnitAndProcedureAsync(session, message.DossierCode, cancellationToken);
        outgoing.Add(new DossierBecameLate(message.DossierCode, unitCode, procedureCode, message.DueAt, clock.Now, results[0].EventId));
        return outgoing;
    }

    /// <summary>Read in the handler's transaction: the dossier's row exists since its receipt, and neither changes after.</summary>
    private static async Task<(string UnitCode, string ProcedureCode)> UnitAndProcedureAsync(IDocumentSession session, string dossierCode,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select unit_code, procedure_code from {TrackerTables.Dossiers} where code = $1", session.Connection)
        {
            Parameters = { new NpgsqlParameter { Value = dossierCode } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetString(1));
    }
}
