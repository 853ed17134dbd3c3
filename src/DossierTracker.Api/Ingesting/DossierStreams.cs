using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// The write model: a dossier's state is folded from its own event stream, read in the ingesting transaction after the
/// dossier is locked, so it is exactly what was committed before (never a projection of it).
/// </summary>
public static class DossierStreams
{
    /// <summary>Stored event names are part of the schema: stable, never changed once shipped.</summary>
    public static readonly IReadOnlyDictionary<string, Type> EventTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["dossier_received"] = typeof(DossierReceived),
        ["dossier_handed_over"] = typeof(DossierHandedOver),
        ["dossier_paused"] = typeof(DossierPaused),
        ["dossier_resumed"] = typeof(DossierResumed),
        ["dossier_marked_late"] = typeof(DossierMarkedLate),
        ["dossier_resolved"] = typeof(DossierResolved),
        ["dossier_returned"] = typeof(DossierReturned),
        ["dossier_withdrawn"] = typeof(DossierWithdrawn),
        ["dossier_stopped"] = typeof(DossierStopped),
    };

    /// <summary>The streams' events in order, to run in the same round trip as the locks (which must come first).</summary>
    public static NpgsqlBatchCommand Query(string[] codes) =>
        new($"select stream_id, type, data from {TrackerTables.Schema}.mt_events where stream_id = any($1) order by stream_id, version")
            { Parameters = { new() { Value = codes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text } } };

    /// <summary>Folds the rows of <see cref="Query"/> into one state per dossier that has a stream.</summary>
    public static async Task<Dictionary<string, Dossier>> FoldAsync(NpgsqlDataReader reader, ISerializer serializer, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = reader.GetString(0);
            var @event = (IDossierEvent)serializer.FromJson(EventTypes[reader.GetString(1)], reader, 2);
            states[code] = states.TryGetValue(code, out var dossier) ? dossier.Apply(@event) : Dossier.Start(code, (DossierReceived)@event);
        }
        return states;
    }
}
