using System.Diagnostics;
using System.Threading.Channels;
using Dossier = DossierTracker.Dossiers.Dossier;
using Marten;
using Npgsql;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// Rebuilds <c>tracker.dossiers</c> and <c>tracker.dossier_phases</c> from the event stream while the service keeps
/// answering from them and keeps ingesting into them:
/// <list type="number">
/// <item>new tables beside the live ones (<see cref="BesideTables"/>);</item>
/// <item>a clean high-water mark (<see cref="ReadModelSwitchLock"/>), every dossier event up to it read
/// (<see cref="StoredDossierEvents"/>) and folded in memory (<see cref="DossierFold"/>), each dossier's final rows
/// written with binary COPY as soon as its last event is folded, all three at once; then the indexes built;</item>
/// <item>catch-up rounds: the events that arrived meanwhile re-fold their dossiers, whose rows are replaced;</item>
/// <item>under the exclusive lock, for an instant: the last catch-up and the switch (drop the live tables, rename the
/// beside ones) in one transaction.</item>
/// </list>
/// A crash anywhere before the switch's commit leaves the live read model as it was; the next run drops the beside tables.
/// </summary>
public sealed class OnlineRebuild(NpgsqlDataSource dataSource, IDocumentStore store, IWorkingCalendarSource calendars)
{
    private readonly StoredDossierEvents stored = new(store.Options);

    /// <summary>Catch-up rounds stop when a round brings fewer events than this (the rest is caught up under the lock).</summary>
    private const int SmallCatchUp = 1000;
    private const int MaxCatchUpRounds = 5;

    /// <summary>
    /// Rebuilds the read model online.
    /// </summary>
    /// <param name="reached">Awaited as each stage is reached, so a test can hold the rebuild there.</param>
    public async Task<RebuildOutcome> RunAsync(RebuildProgress progress, Func<RebuildStage, Task>? reached = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await BesideTables.CreateAsync(connection, cancellation);
        try
        {
            var mark = await CleanHighWaterMarkAsync(cancellation);
            var fold = new DossierFold();
            progress.Reading(await CountEventsAsync(connection, mark, cancellation));
            var (events, folding, copying) = await FoldAndCopyAsync(fold, mark, progress, cancellation);
            await Reach(RebuildStage.Folded);

            progress.Stage("Building the indexes ...");
            await BesideTables.IndexAsync(dataSource, cancellation);
            var loaded = clock.Elapsed;
            await Reach(RebuildStage.Loaded);

            for (var round = 1; round <= MaxCatchUpRounds; round++)
            {
                var next = await CleanHighWaterMarkAsync(cancellation);
                var caughtUp = await CatchUpAsync(connection, fold, mark, next, cancellation);
                progress.Stage($"Caught up {caughtUp:N0} events that arrived meanwhile.");
                (mark, events) = (next, events + caughtUp);
                if (caughtUp < SmallCatchUp) break;
            }
            await Reach(RebuildStage.CaughtUp);

            var last = await SwitchAsync(connection, fold, mark, cancellation);
            progress.Stage($"Switched: {fold.Count:N0} dossiers from {events + last:N0} events ({last:N0} caught up during the switch) in {clock.Elapsed.TotalSeconds:N1} s.");
            return new RebuildOutcome(events + last, fold.Count, folding, copying, loaded, clock.Elapsed);
        }
        catch
        {
            await DropBesideTablesAsync(connection);
            throw;
        }

        Task Reach(RebuildStage stage) => reached?.Invoke(stage) ?? Task.CompletedTask;

        // Three stages at once, on both cores: PostgreSQL sends the next events while they are deserialised and folded,
        // and each dossier's rows go into the COPY as soon as its stream's last event is folded.
        async Task<(long Events, TimeSpan Folded, TimeSpan Copied)> FoldAndCopyAsync(DossierFold fold, long mark, RebuildProgress progress, CancellationToken cancellation)
        {
            var lastVersions = await LastVersionsAsync(connection, cancellation);
            var calendar = await calendars.CurrentAsync(cancellation);
            var pages = Channel.CreateBounded<StoredEvent[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
            var finished = Channel.CreateBounded<Dossier[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
            await using var reading = await dataSource.OpenConnectionAsync(cancellation);
            await using var phases = await dataSource.OpenConnectionAsync(cancellation);
            (long Events, TimeSpan Folded, TimeSpan Copied) result = default;
            await Pipeline.RunAsync(cancellation,
                stop => stored.ReadAsync(reading, 0, mark, pages.Writer, stop),
                async stop =>
                {
                    result.Events = await fold.FoldAllAsync(pages.Reader, lastVersions, finished.Writer, progress.Folded, stop);
                    result.Folded = clock.Elapsed;
                    progress.Stage($"Folded {result.Events:N0} events in {result.Folded.TotalSeconds:N1} s; copying the last rows ...");
                },
                async stop =>
                {
                    await ReadModelCopy.StreamAsync(connection, phases, finished.Reader, calendar, BesideTables.Dossiers, BesideTables.DossierPhases, stop);
                    result.Copied = clock.Elapsed;
                });
            return result;
        }
    }

    /// <summary>
    /// The live tables are untouched by a failed rebuild; the beside ones are worth nothing without the events folded in
    /// memory, so they go (or, if the connection is gone too, the next run drops them).
    /// </summary>
    private static async Task DropBesideTablesAsync(NpgsqlConnection connection)
    {
        try
        {
            await BesideTables.DropAsync(connection, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The failure that brought us here is the one to report.
        }
    }

    /// <summary>
    /// The highest event sequence with no ingesting transaction in flight: the exclusive lock waits for those holding it
    /// shared to commit, so every event up to the mark is committed and visible. New ones wait only for this query.
    /// </summary>
    private async Task<long> CleanHighWaterMarkAsync(CancellationToken cancellation)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var lockCommand = new NpgsqlCommand(ReadModelSwitchLock.TakeExclusive, connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellation);
        await using var max = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {TrackerTables.Schema}.mt_events", connection, transaction);
        var mark = (long)(await max.ExecuteScalarAsync(cancellation))!;
        await transaction.CommitAsync(cancellation);
        return mark;
    }

    private static async Task<long> CountEventsAsync(NpgsqlConnection connection, long mark, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {TrackerTables.Schema}.mt_events where seq_id <= $1", connection)
            { CommandTimeout = 0, Parameters = { new NpgsqlParameter<long> { TypedValue = mark } } };
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    /// <summary>Each stream's version now (after a high-water mark, so at least its version at the mark).</summary>
    private static async Task<Dictionary<string, long>> LastVersionsAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"select id, version from {TrackerTables.Schema}.mt_streams", connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) versions[reader.GetString(0)] = reader.GetInt64(1);
        return versions;
    }

    /// <summary>Folds the events after <paramref name="after"/> and replaces the rows of the dossiers they changed.</summary>
    private async Task<long> CatchUpAsync(NpgsqlConnection connection, DossierFold fold, long after, long? upTo, CancellationToken cancellation)
    {
        var pages = Channel.CreateUnbounded<StoredEvent[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        await stored.ReadAsync(connection, after, upTo, pages.Writer, cancellation);
        var (changed, count) = await fold.FoldChangesAsync(pages.Reader, cancellation);
        if (changed.Count == 0) return count;
        var codes = changed.ToArray();
        await using (var delete = new NpgsqlBatch(connection))
        {
            foreach (var table in new[] { BesideTables.Dossiers, BesideTables.DossierPhases })
                delete.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {table} where code = any($1)")
                    { Parameters = { new NpgsqlParameter<string[]> { TypedValue = codes } } });
            await delete.ExecuteNonQueryAsync(cancellation);
        }
        await ReadModelCopy.WriteAsync(connection, changed.Select(code => fold[code]), await calendars.CurrentAsync(cancellation), BesideTables.Dossiers, BesideTables.DossierPhases, cancellation);
        return count;
    }

    /// <summary>
    /// The last catch-up and the switch in one transaction under the exclusive lock: ingestion waits meanwhile (reads
    /// go on from the live tables until the drop, which waits for the reads in flight).
    /// </summary>
    private async Task<long> SwitchAsync(NpgsqlConnection connection, DossierFold fold, long mark, CancellationToken cancellation)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var lockCommand = new NpgsqlCommand(ReadModelSwitchLock.TakeExclusive, connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellation);
        var last = await CatchUpAsync(connection, fold, mark, null, cancellation);
        await BesideTables.SwitchAsync(connection, cancellation);
        await transaction.CommitAsync(cancellation);
        return last;
    }
}

/// <summary>The points of a rebuild a caller can wait at.</summary>
public enum RebuildStage
{
    /// <summary>Every event up to the first high-water mark is folded in memory and its rows copied beside; no index is built yet.</summary>
    Folded,
    /// <summary>The beside tables hold their rows and indexes.</summary>
    Loaded,
    /// <summary>The catch-up rounds are done; the switch comes next.</summary>
    CaughtUp,
}

/// <summary>
/// What a rebuild did: events folded, dossiers written, and when each stage ended, from the start: the last event folded,
/// the last row copied (the COPY runs alongside the fold), the indexes built, the switch committed.
/// </summary>
public sealed record RebuildOutcome(long Events, int Dossiers, TimeSpan Folded, TimeSpan Copied, TimeSpan Loaded, TimeSpan Switched);
