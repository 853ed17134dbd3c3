using DossierTracker.Api.Ingesting;
using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Importing;

/// <summary>
/// Stores a chunk's decided events in the caller's transaction with COPY instead of statements: the rows Marten's
/// quick append writes (<c>mt_events</c>, and <c>mt_streams</c> created or moved to their new versions, as
/// <c>mt_quick_append_events</c> does one stream at a time), and the ledger's. The read-model rows of dossiers new in
/// the chunk are copied too (<see cref="ReadModelCopy"/>); the others change through the inline projection's own
/// writes, handed the folded states as the ingesting session hands them.
/// </summary>
public sealed class BulkAppender(IDocumentStore store, TimeProvider time, IWorkingCalendarSource calendars)
{
    /// <summary>Marten's alias of the <see cref="Dossier"/> aggregate, which <c>StartStream&lt;Dossier&gt;</c> records on a new stream.</summary>
    private const string StreamType = "dossier";
    private readonly DossierReadModelProjection _readModel = new(() => calendars);

    public async Task AppendAsync(IDocumentSession session, NpgsqlConnection connection, DecidedEvents decided, ImportTimings timings, CancellationToken cancellationToken)
    {
        if (decided.NewEvents.Count == 0) return;
        var building = timings.Measure("events built");
        var serializer = store.Options.Serializer();
        var timestamp = time.GetUtcNow();
        var events = new List<IEvent>(decided.NewLedgerEntries.Count);
        foreach (var (code, data) in decided.NewEvents)
        {
            var version = (long)(decided.Folded[code].Before?.Version ?? 0);
            foreach (var item in data)
            {
                var e = session.Events.BuildEvent(item);
                (e.StreamKey, e.Version, e.Id, e.Timestamp) = (code, ++version, Guid.CreateVersion7(), timestamp);
                events.Add(e);
            }
        }
        building.Dispose();
        using (timings.Measure("sequence numbers"))
            await AssignSequencesAsync(connection, events, cancellationToken);
        using (timings.Measure("streams"))
            await WriteStreamsAsync(connection, decided, cancellationToken);

        using (timings.Measure("COPY mt_events (with serialising)"))
        await using (var copy = await connection.BeginBinaryImportAsync(
                         "copy tracker.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type) from stdin (format binary)", cancellationToken))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(e.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(e.StreamKey!, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(e.Version, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb, cancellationToken);
                await copy.WriteAsync(e.EventTypeName, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(e.Timestamp, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(e.DotNetTypeName, NpgsqlDbType.Varchar, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        using (timings.Measure("COPY ingested_events"))
        await using (var copy = await connection.BeginBinaryImportAsync(
                         $"copy {TrackerTables.IngestedEvents} (event_id, dossier_code, fingerprint, version, recorded_at) from stdin (format binary)", cancellationToken))
        {
            foreach (var (eventId, entry) in decided.NewLedgerEntries)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(eventId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(entry.DossierCode, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(entry.Fingerprint, NpgsqlDbType.Bytea, cancellationToken);
                await copy.WriteAsync(entry.Version, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(decided.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        // Dossiers new in this chunk have no rows yet: COPY; the others' rows change through the projection's upsert.
        using (timings.Measure("COPY read model of new dossiers"))
            await ReadModelCopy.WriteAsync(connection, decided.Folded.Values.Where(f => f.Before is null).Select(f => f.After),
                await calendars.CurrentAsync(cancellationToken), cancellation: cancellationToken);
        using var queueing = timings.Measure("read-model statements prepared");
        session.SetHeader(DossierReadModelProjection.FoldedStatesHeader, decided.Folded);
        await _readModel.ApplyAsync(session, events.Where(e => decided.Folded[e.StreamKey!].Before is not null).ToList(), cancellationToken);
    }

    /// <summary>The global order of the events, from Marten's sequence in one round trip.</summary>
    private static async Task AssignSequencesAsync(NpgsqlConnection connection, List<IEvent> events, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select nextval('tracker.mt_events_sequence') from generate_series(1, $1)", connection)
        {
            Parameters = { new NpgsqlParameter { Value = events.Count } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sequences = new List<long>(events.Count);
        while (await reader.ReadAsync(cancellationToken)) sequences.Add(reader.GetInt64(0));
        sequences.Sort();
        for (var i = 0; i < events.Count; i++) events[i].Sequence = sequences[i];
    }

    /// <summary>New streams at their final version; existing ones moved on (their dossiers are locked, so nobody else appends).</summary>
    private static async Task WriteStreamsAsync(NpgsqlConnection connection, DecidedEvents decided, CancellationToken cancellationToken)
    {
        var created = decided.Folded.Where(f => f.Value.Before is null).ToList();
        var moved = decided.Folded.Where(f => f.Value.Before is not null).ToList();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"insert into tracker.mt_streams (id, type, version) select id, '{StreamType}', version from unnest($1::varchar[], $2::bigint[]) as s(id, version)")
                {
                    Parameters =
                    {
                        new() { Value = created.Select(f => f.Key).ToArray() },
                        new() { Value = created.Select(f => (long)f.Value.After.Version).ToArray() },
                    },
                },
                new NpgsqlBatchCommand(
                    "update tracker.mt_streams s set version = greatest(s.version, m.version), timestamp = now() from unnest($1::varchar[], $2::bigint[]) as m(id, version) where s.id = m.id")
                {
                    Parameters =
                    {
                        new() { Value = moved.Select(f => f.Key).ToArray() },
                        new() { Value = moved.Select(f => (long)f.Value.After.Version).ToArray() },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
