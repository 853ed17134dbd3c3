using System.Threading.Channels;
using DossierTracker.Dossiers;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>A dossier event as stored: its dossier, its version in the dossier's stream, and the event.</summary>
internal readonly record struct StoredEvent(string Code, long Version, IDossierEvent Data);

/// <summary>
/// Reads the dossier events from <c>mt_events</c> in the order of the store's sequence with one plain query (the columns
/// the fold needs, the type as its position in the list of dossier event types, the body deserialised as Marten does),
/// and hands them on in pages, so that the next page is read while the last is folded.
/// </summary>
internal sealed class StoredDossierEvents(IReadOnlyStoreOptions options)
{
    private const int PageSize = 2000;

    /// <summary>The dossier events by the names they are stored under, as mapped in the store (the ingesting feature maps them).</summary>
    private readonly (string Name, Type Type)[] eventTypes = options.Events.AllKnownEventTypes()
        .Where(mapping => mapping.EventType.IsAssignableTo(typeof(IDossierEvent)))
        .Select(mapping => (mapping.EventTypeName, mapping.EventType))
        .ToArray();

    private readonly ISerializer serializer = options.Serializer();

    /// <summary>Reads the events with <paramref name="after"/> &lt; seq_id (≤ <paramref name="upTo"/> when given) into <paramref name="pages"/>, then completes it.</summary>
    public async Task ReadAsync(NpgsqlConnection connection, long after, long? upTo, ChannelWriter<StoredEvent[]> pages, CancellationToken cancellation)
    {
        try
        {
            await using var command = new NpgsqlCommand(
                $"""
                select stream_id, version, array_position($2, type::text), data from {TrackerTables.Schema}.mt_events
                where seq_id > $1 {(upTo is null ? "" : "and seq_id <= $3")} and type = any($2)
                order by seq_id
                """, connection) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
            command.Parameters.Add(new NpgsqlParameter { Value = eventTypes.Select(t => t.Name).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            if (upTo is { } last) command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });

            await using var reader = await command.ExecuteReaderAsync(cancellation);
            var page = new List<StoredEvent>(PageSize);
            while (await reader.ReadAsync(cancellation))
            {
                var type = eventTypes[reader.GetInt32(2) - 1].Type;
                page.Add(new StoredEvent(reader.GetString(0), reader.GetInt64(1), (IDossierEvent)serializer.FromJson(type, reader, 3)));
                if (page.Count < PageSize) continue;
                await pages.WriteAsync([.. page], cancellation);
                page.Clear();
            }
            if (page.Count > 0) await pages.WriteAsync([.. page], cancellation);
            pages.Complete();
        }
        catch (Exception e)
        {
            pages.TryComplete(e);
            throw;
        }
    }
}
