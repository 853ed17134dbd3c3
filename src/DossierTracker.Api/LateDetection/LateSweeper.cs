using DossierTracker.Api.Hosting;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Operations;
using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DossierTracker.Api.LateDetection;

/// <summary>
/// Appends the tracker's own <c>late</c> event when an open, running dossier passes its effective due time.
/// <para>
/// Chosen over one scheduled message per dossier: a due time moves with every pause, and a sweep over the partial
/// index of open dossiers by due time costs ingestion nothing, survives restarts by construction (it runs at start,
/// so a dossier that fell due while the service was down is marked within one sweep) and needs no cancellation.
/// Exactly once: the event id is derived from dossier and due time, and the ingestion ledger's primary key stores it
/// once however many instances sweep; the decider re-checks the dossier under its lock.
/// </para>
/// Only due times the tracker learned before they passed are marked; a dossier backfilled after its due time is
/// overdue in every list, but gets no "tracker noticed" event for a moment the tracker did not witness.
/// </summary>
public sealed class LateSweeper(
    NpgsqlDataSource dataSource,
    EventIngestor ingestor,
    TrackerClock clock,
    TrackerMetrics metrics,
    IOptions<LateDetectionOptions> options,
    ILogger<LateSweeper> logger) : BackgroundService
{
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds));
        do
        {
            try
            {
                var marked = await SweepAsync(stoppingToken);
                if (marked > 0) logger.LogInformation("Marked {Count} dossiers late", marked);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Late detection sweep failed; it runs again in {Seconds} s", options.Value.IntervalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Marks every dossier that is overdue now and not yet marked; returns how many were marked.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var marked = 0;
        while (true)
        {
            var now = clock.Now;
            var due = await FindUnmarkedOverdueAsync(now, cancellationToken);
            if (due.Count == 0) return marked;
            var results = await ingestor.IngestAsync(due, new Submitter(null, EventSources.Tracker), cancellationToken);
            var created = 0;
            for (var i = 0; i < results.Count; i++)
            {
                if (results[i].Status != IngestionStatus.Created) continue;
                created++;
                metrics.LateDetected(now - due[i].OccurredAt);
            }
            marked += created;
            // Stale candidates are refused by the decider; stop rather than loop on them.
            if (due.Count < PageSize || created == 0) return marked;
        }
    }

    private async Task<List<EventSubmission>> FindUnmarkedOverdueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select code, due_at from {TrackerTables.Dossiers}
            where closed_at is null and not paused and due_at < $1
              and due_at > due_learned_at
              and tracker_late_for is distinct from due_at
            order by due_at
            limit {PageSize}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        var candidates = new List<EventSubmission>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            candidates.Add(new TrackerLateSubmission(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return candidates;
    }
}

/// <summary>Configuration section <c>LateDetection</c>.</summary>
public sealed class LateDetectionOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 15;
}
