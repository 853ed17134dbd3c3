using DossierTracker.Dossiers;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// Every dossier folded in memory from the event store, as the inline projection folds it (<see cref="Dossier.Start"/>,
/// <see cref="Dossier.Apply"/>), reading the events in the order of the store's sequence: one pass over the primary
/// key, each dossier's row written once at the end instead of once per page of events.
/// </summary>
internal sealed class DossierFold(IReadOnlyStoreOptions options)
{
    /// <summary>The dossier events by the names they are stored under, as mapped in the store (the ingesting feature maps them).</summary>
    private readonly Dictionary<string, Type> eventTypes = options.Events.AllKnownEventTypes()
        .Where(mapping => mapping.EventType.IsAssignableTo(typeof(IDossierEvent)))
        .ToDictionary(mapping => mapping.EventTypeName, mapping => mapping.EventType, StringComparer.Ordinal);

    private readonly ISerializer serializer = options.Serializer();

    public Dictionary<string, Dossier> Dossiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Folds the dossier events with <paramref name="after"/> &lt; seq_id (≤ <paramref name="upTo"/> when given).</summary>
    /// <param name="folded">Told the number of events folded so far, every few thousand.</param>
    /// <returns>The codes of the dossiers the events changed, and how many events there were.</returns>
    public async Task<(HashSet<string> Changed, long Events)> FoldAsync(NpgsqlConnection connection, long after, long? upTo,
        Action<long>? folded, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select stream_id, type, data from {TrackerTables.Schema}.mt_events
            where seq_id > $1 {(upTo is null ? "" : "and seq_id <= $3")} and type = any($2)
            order by seq_id
            """, connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter { Value = eventTypes.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        if (upTo is { } last) command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });

        var changed = new HashSet<string>(StringComparer.Ordinal);
        long events = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var code = reader.GetString(0);
            var type = eventTypes[reader.GetString(1)];
            var data = (IDossierEvent)serializer.FromJson(type, reader, 2);
            Dossiers[code] = Dossiers.TryGetValue(code, out var dossier)
                ? dossier.Apply(data)
                : Dossier.Start(code, data as DossierReceived
                    ?? throw new InvalidOperationException($"Dossier '{code}' has a {data.GetType().Name} before being received."));
            changed.Add(code);
            if (++events % 10_000 == 0) folded?.Invoke(events);
        }
        folded?.Invoke(events);
        return (changed, events);
    }
}
