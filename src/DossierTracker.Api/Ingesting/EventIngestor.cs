using DossierTracker.Api.Http;
using DossierTracker.Api.Operations;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReadModel.Rebuilding;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Stores submitted events: one transaction for a whole batch, or for a group of requests (<see cref="GroupCommitWriter"/>),
/// with the per-event rules of the contract, in two round trips to PostgreSQL: one that begins the transaction, locks
/// and reads, one that writes and commits (<see cref="CommitWrites"/>).
/// <list type="bullet">
/// <item>Each touched dossier is locked (transaction-scoped advisory lock) before its state is read, so concurrent
/// events on one dossier are serialised, never lost. The state is the snapshot written in the transaction of the
/// dossier's last event (<c>tracker.dossiers.state</c>): folding the stream instead cost a fifth to a quarter of
/// the single-event throughput (README, "Write side").</item>
/// <item>Every accepted eventId goes into <c>tracker.ingested_events</c> in the same transaction; its primary key is
/// the idempotency guarantee. A race lost on it (or any serialisation failure) retries the whole transaction, which
/// then sees the stored event and answers "duplicate" or "event-id-conflict".</item>
/// <item>The read model's rows are written in the same transaction, from the states decided here (each event is
/// folded once).</item>
/// </list>
/// </summary>
public sealed class EventIngestor(
    NpgsqlDataSource dataSource,
    CommitWrites writes,
    ReferenceDataCache referenceData,
    TrackerClock clock,
    TrackerMetrics metrics,
    ILogger<EventIngestor> logger)
{
    private const int MaxAttempts = 4;
    /// <summary>Namespace for the two-key advisory locks, so they never meet Marten's or Wolverine's locks.</summary>
    private const int DossierLockSpace = 0x44540001;

    /// <summary>A batch in its own transaction (retried when it loses a race).</summary>
    public async Task<IReadOnlyList<IngestionResult>> IngestAsync(IReadOnlyList<EventSubmission> submissions, Submitter submitter, CancellationToken cancellationToken) =>
        submissions.Count == 0 ? [] : (await CommitAsync([new IngestionRequest(submissions, submitter)], cancellationToken))[0];

    /// <summary>
    /// Several requests in one transaction (group commit), decided in order as if sent one after the other; retried
    /// whole when it loses a race. Returns each request's results.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<IngestionResult>>> CommitAsync(IReadOnlyList<IngestionRequest> requests, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await TryCommitAsync(requests, cancellationToken);
                for (var i = 0; i < requests.Count; i++) Record(requests[i].Submissions, results[i], requests[i].Submitter.Source);
                return results;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                logger.LogInformation("Ingestion attempt {Attempt} lost a race ({Reason}); retrying", attempt, e.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Decides and writes in the transaction of the caller's session, which commits it: a Wolverine handler's session,
    /// whose outgoing messages are stored in the same transaction (transactional outbox). Opens the session's transaction.
    /// </summary>
    public async Task<IReadOnlyList<IngestionResult>> AppendAsync(IDocumentSession session, IReadOnlyList<EventSubmission> submissions, Submitter submitter, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var decided = await DecideAsync(session.Connection!, [new IngestionRequest(submissions, submitter)], beginTransaction: false, cancellationToken);
        await using var batch = new NpgsqlBatch(session.Connection!);
        await writes.AddToAsync(batch, decided, commit: false, cancellationToken);
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(cancellationToken);
        Record(submissions, decided.Results[0], submitter.Source);
        return decided.Results[0];
    }

    /// <summary>
    /// The transaction is begun by the batch that locks and reads, and committed by the batch that writes, so neither
    /// costs a round trip of its own. When anything fails in between, the transaction is left open and rolled back
    /// when the connection goes back to the pool: nothing of the commit is stored.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyList<IngestionResult>>> TryCommitAsync(IReadOnlyList<IngestionRequest> requests, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var decided = await DecideAsync(connection, requests, beginTransaction: true, cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        await writes.AddToAsync(batch, decided, commit: true, cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return decided.Results;
    }

    /// <summary>
    /// Locks the touched dossiers (until the caller's transaction on <paramref name="connection"/> ends) and decides
    /// every submission, storing nothing: the caller stores the new events, ledger entries and read-model rows in that
    /// transaction (the import writes them with COPY).
    /// </summary>
    public Task<DecidedEvents> DecideAsync(NpgsqlConnection connection, IReadOnlyList<IngestionRequest> requests, CancellationToken cancellationToken) =>
        DecideAsync(connection, requests, beginTransaction: false, cancellationToken);

    private async Task<DecidedEvents> DecideAsync(NpgsqlConnection connection, IReadOnlyList<IngestionRequest> requests, bool beginTransaction,
        CancellationToken cancellationToken)
    {
        var submissions = requests.SelectMany(r => r.Submissions).ToList();
        var snapshot = await ReferenceDataFor(submissions, cancellationToken);
        var codes = submissions.Select(s => s.DossierCode).Distinct(StringComparer.Ordinal).ToArray();
        var eventIds = submissions.Select(s => s.EventId).Distinct(StringComparer.Ordinal).ToArray();
        var (ledger, states) = await LockAndLoadAsync(connection, beginTransaction, codes, eventIds, cancellationToken);

        var now = Timestamps.ToMicroseconds(clock.Now);
        var before = new Dictionary<string, Dossier>(states, StringComparer.Ordinal);
        var batch = new IngestionBatch(states, ledger);
        var results = requests.Select(request =>
        {
            var context = new DecisionContext(snapshot.Units, snapshot.Procedures, snapshot.Calendar, now, now,
                request.Submitter.ScopeUnitCode, request.Submitter.Source);
            return (IReadOnlyList<IngestionResult>)request.Submissions.Select(s => batch.Decide(s, context)).ToList();
        }).ToList();
        var folded = batch.NewEvents.Keys.ToDictionary(code => code, code => new FoldedDossier(before.GetValueOrDefault(code), states[code]), StringComparer.Ordinal);
        return new DecidedEvents(results, batch.NewEvents, folded, batch.NewLedgerEntries, now);
    }

    /// <summary>Logs and counts what happened to each event, once it is committed.</summary>
    private void Record(IReadOnlyList<EventSubmission> submissions, IReadOnlyList<IngestionResult> results, string source)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var (submission, result) = (submissions[i], results[i]);
            switch (result.Status)
            {
                case IngestionStatus.Created:
                    metrics.Ingested(submission.Type, source);
                    logger.LogDebug("Stored {EventType} {EventId} for dossier {DossierCode} as version {Version}",
                        submission.Type, result.EventId, result.DossierCode, result.Version);
                    break;
                case IngestionStatus.Duplicate:
                    metrics.Duplicate();
                    logger.LogDebug("Duplicate {EventId} for dossier {DossierCode}", result.EventId, result.DossierCode);
                    break;
                default:
                    metrics.Rejected(result.Rejection!.Code, source);
                    if (result.Rejection.Code != ProblemCodes.NotOverdue)
                        logger.LogInformation("Refused {EventType} {EventId} for dossier {DossierCode}: {Problem}",
                            submission.Type, result.EventId, result.DossierCode, result.Rejection.Code);
                    break;
            }
        }
    }

    /// <summary>Reloads reference data first when an event names a unit or procedure the cached snapshot lacks.</summary>
    private async Task<ReferenceDataSnapshot> ReferenceDataFor(IReadOnlyList<EventSubmission> submissions, CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var stale = submissions.Any(s => s switch
        {
            ReceivedSubmission r => !snapshot.Units.Contains(r.UnitCode) || !snapshot.Procedures.ContainsKey(r.ProcedureCode),
            ProcessingSubmission { UnitCode: { } unit } => !snapshot.Units.Contains(unit),
            _ => false,
        });
        return stale ? await referenceData.RefreshAsync(cancellationToken) : snapshot;
    }

    /// <summary>
    /// Runs on the connection of the caller's open transaction (Npgsql needs no transaction object for that), or begins
    /// one with <paramref name="beginTransaction"/>.
    /// </summary>
    private static async Task<(Dictionary<string, LedgerEntry> Ledger, Dictionary<string, Dossier> States)> LockAndLoadAsync(
        NpgsqlConnection connection, bool beginTransaction, string[] codes, string[] eventIds, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                // First, before the read model is touched: an online rebuild's switch waits for this transaction, or it for the switch.
                new NpgsqlBatchCommand(ReadModelSwitchLock.TakeShared),
                // Locks are taken in one order everywhere, so two batches touching the same dossiers cannot deadlock.
                new NpgsqlBatchCommand($"select pg_advisory_xact_lock({DossierLockSpace}, h) from (select distinct hashtext(c) as h from unnest($1) c) k order by h")
                    { Parameters = { new() { Value = codes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } } },
                new NpgsqlBatchCommand($"select event_id, dossier_code, fingerprint, version from {TrackerTables.IngestedEvents} where event_id = any($1)")
                    { Parameters = { new() { Value = eventIds, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } } },
                new NpgsqlBatchCommand($"select state::text from {TrackerTables.Dossiers} where code = any($1)")
                    { Parameters = { new() { Value = codes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } } },
            },
        };
        if (beginTransaction) batch.BatchCommands.Insert(0, new NpgsqlBatchCommand("begin"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        // To the ledger's rows, past the locks' (the begin has no result).
        await reader.NextResultAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);

        var ledger = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            ledger[reader.GetString(0)] = new LedgerEntry(reader.GetString(1), (byte[])reader[2], reader.GetInt32(3));
        await reader.NextResultAsync(cancellationToken);

        var states = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var dossier = DossierReadModelProjection.Deserialize(reader.GetString(0));
            states[dossier.Code] = dossier;
        }
        return (ledger, states);
    }

    /// <summary>A lost race or a serialisation failure: running the whole transaction again resolves it.</summary>
    public static bool IsRetryable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected })
                return true;
            if (current is ConcurrencyException or ExistingStreamIdCollisionException) return true;
        }
        return false;
    }
}

/// <summary>
/// Requests decided in order: each request's results, one per submission, and what to store — each touched dossier's new events with its state
/// before (null: a new stream) and after them, and the ledger entries of the accepted eventIds.
/// </summary>
public sealed record DecidedEvents(
    IReadOnlyList<IReadOnlyList<IngestionResult>> Results,
    IReadOnlyDictionary<string, List<IDossierEvent>> NewEvents,
    IReadOnlyDictionary<string, FoldedDossier> Folded,
    IReadOnlyList<(string EventId, LedgerEntry Entry)> NewLedgerEntries,
    DateTimeOffset RecordedAt);

/// <summary>What the idempotency ledger knows of an accepted eventId.</summary>
public sealed record LedgerEntry(string DossierCode, byte[] Fingerprint, int Version);
