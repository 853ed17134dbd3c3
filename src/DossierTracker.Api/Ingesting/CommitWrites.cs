using System.Text;
using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Stores decided events in one round trip: the statements go into one <see cref="NpgsqlBatch"/>, each writing all the
/// commit's rows of one table from arrays (<c>unnest</c>), so a group of requests or a batch of 1000 costs the same
/// handful of statements. They write what Marten's quick append writes (<c>mt_streams</c> created or moved on,
/// <c>mt_events</c> numbered from Marten's sequence in the commit's order, stamped with the server's time), the
/// idempotency ledger and the read model's rows (<see cref="ReadModelWrites"/>, as the inline projection would from
/// the same folded states). Marten's per-stream append function and its session are bypassed: every touched dossier is
/// locked by the ingestor, so no concurrency check is needed here.
/// </summary>
public sealed class CommitWrites(IDocumentStore store, IWorkingCalendarSource calendars)
{
    /// <summary>Marten's alias of the <see cref="Dossier"/> aggregate, which it records on a new stream.</summary>
    private const string StreamType = "dossier";

    /// <summary>Each event type's stored name and the .NET type name Marten records beside it (<c>mt_dotnet_type</c>).</summary>
    private static readonly Dictionary<Type, (string Name, string DotNetName)> EventTypes =
        DossierEventTypes.All.ToDictionary(t => t.Value, t => (t.Key, $"{t.Value.FullName}, {t.Value.Assembly.GetName().Name}"));

    /// <summary>
    /// Adds the statements storing <paramref name="decided"/> to <paramref name="batch"/>; with
    /// <paramref name="commit"/> the batch also ends the transaction, so nothing waits for a round trip of its own.
    /// </summary>
    public async Task AddToAsync(NpgsqlBatch batch, DecidedEvents decided, bool commit, CancellationToken cancellationToken)
    {
        if (decided.NewEvents.Count > 0)
        {
            AddStreams(batch, decided);
            AddEvents(batch, decided);
            AddLedger(batch, decided);
            var calendar = await calendars.CurrentAsync(cancellationToken);
            foreach (var (sql, parameters) in ReadModelWrites.For(decided.Folded.Values.ToList(), calendar))
                batch.BatchCommands.Add(Command(sql, parameters));
        }
        if (commit) batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
    }

    /// <summary>New streams at their final version; the others moved on to theirs.</summary>
    private static void AddStreams(NpgsqlBatch batch, DecidedEvents decided)
    {
        var created = decided.Folded.Where(f => f.Value.Before is null).ToList();
        var moved = decided.Folded.Where(f => f.Value.Before is not null).ToList();
        if (created.Count > 0)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"insert into {TrackerTables.Schema}.mt_streams (id, type, version) select id, '{StreamType}', version from unnest($1::varchar[], $2::bigint[]) as s(id, version)")
            {
                Parameters = { new() { Value = created.Select(f => f.Key).ToArray() }, new() { Value = created.Select(f => (long)f.Value.After.Version).ToArray() } },
            });
        if (moved.Count > 0)
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"update {TrackerTables.Schema}.mt_streams s set version = greatest(s.version, m.version), timestamp = now() from unnest($1::varchar[], $2::bigint[]) as m(id, version) where s.id = m.id")
            {
                Parameters = { new() { Value = moved.Select(f => f.Key).ToArray() }, new() { Value = moved.Select(f => (long)f.Value.After.Version).ToArray() } },
            });
    }

    /// <summary>
    /// The sequence is drawn row by row in array order (a function scan keeps it), so each dossier's events are
    /// numbered in version order, as the rebuild reads them.
    /// </summary>
    private void AddEvents(NpgsqlBatch batch, DecidedEvents decided)
    {
        var serializer = store.Options.Serializer();
        var count = decided.NewLedgerEntries.Count;
        var (ids, streams, versions, data, types, dotNetTypes) =
            (new Guid[count], new string[count], new long[count], new string[count], new string[count], new string[count]);
        var i = 0;
        foreach (var (code, events) in decided.NewEvents)
        {
            var version = (long)(decided.Folded[code].Before?.Version ?? 0);
            foreach (var @event in events)
            {
                var (name, dotNetName) = EventTypes[@event.GetType()];
                (ids[i], streams[i], versions[i], data[i], types[i], dotNetTypes[i]) =
                    (Guid.CreateVersion7(), code, ++version, serializer.ToJson(@event), name, dotNetName);
                i++;
            }
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"""
            insert into {TrackerTables.Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type)
            select nextval('{TrackerTables.Schema}.mt_events_sequence'), id, stream_id, version, data::jsonb, type, now(), dotnet_type
            from unnest($1::uuid[], $2::varchar[], $3::bigint[], $4::text[], $5::varchar[], $6::varchar[]) as e(id, stream_id, version, data, type, dotnet_type)
            """)
        {
            Parameters = { new() { Value = ids }, new() { Value = streams }, new() { Value = versions }, new() { Value = data }, new() { Value = types }, new() { Value = dotNetTypes } },
        });
    }

    private static void AddLedger(NpgsqlBatch batch, DecidedEvents decided) =>
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"""
            insert into {TrackerTables.IngestedEvents} (event_id, dossier_code, fingerprint, version, recorded_at)
            select e, d, f, v, $1 from unnest($2::text[], $3::text[], $4::bytea[], $5::integer[]) as t(e, d, f, v)
            """)
        {
            Parameters =
            {
                new() { Value = decided.RecordedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = decided.NewLedgerEntries.Select(e => e.EventId).ToArray() },
                new() { Value = decided.NewLedgerEntries.Select(e => e.Entry.DossierCode).ToArray() },
                new() { Value = decided.NewLedgerEntries.Select(e => e.Entry.Fingerprint).ToArray() },
                new() { Value = decided.NewLedgerEntries.Select(e => e.Entry.Version).ToArray() },
            },
        });

    /// <summary>A statement written with Marten's <c>?</c> placeholders, numbered as Npgsql's batches need them.</summary>
    private static NpgsqlBatchCommand Command(string sql, object[] parameters)
    {
        var numbered = new StringBuilder(sql.Length + 16);
        var n = 0;
        foreach (var c in sql)
        {
            if (c == '?') numbered.Append('$').Append(++n);
            else numbered.Append(c);
        }
        var command = new NpgsqlBatchCommand(numbered.ToString());
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
