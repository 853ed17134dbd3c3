using System.Text.Json;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using NpgsqlTypes;

namespace DossierTracker.Api.ReadModel;

/// <summary>
/// Keeps <c>tracker.dossiers</c> and <c>tracker.dossier_phases</c> in step with the event stream. Runs inline (in the
/// ingesting transaction, so lists never lag behind an acknowledged event) and is rebuilt from the stream by
/// <c>projections rebuild</c>. It writes the states the write side decided on (see <see cref="FoldedStatesHeader"/>); its
/// <c>state</c> column is the snapshot the write side decides the next event from.
/// </summary>
public sealed class DossierReadModelProjection : ProjectionBase, IProjection
{
    public const string ProjectionName = "DossierReadModel";

    private readonly Func<IWorkingCalendarSource> _calendars;

    /// <param name="calendars">
    /// The calendar for <see cref="LateBy"/>; resolved at the first fold, since its source reads the store this
    /// projection is part of.
    /// </param>
    public DossierReadModelProjection(Func<IWorkingCalendarSource> calendars)
    {
        _calendars = calendars;
        Name = ProjectionName;
        // Large pages when rebuilding: a dossier's events then fall in fewer pages, so its row is rewritten less often.
        Options.BatchSize = 5000;
        Options.DeleteDataInTableOnTeardown(TrackerTables.Dossiers);
        Options.DeleteDataInTableOnTeardown(TrackerTables.DossierPhases);
    }

    /// <summary>
    /// The ingesting session hands over each dossier's state before and after its events (a session header, never
    /// stored), so each event is folded once; rebuilds fold here from the rows already written.
    /// </summary>
    public const string FoldedStatesHeader = "dt-folded-dossier-states";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var byDossier = events
            .Where(e => e.Data is IDossierEvent && e.StreamKey is not null)
            .GroupBy(e => e.StreamKey!, StringComparer.Ordinal)
            .ToList();
        if (byDossier.Count == 0) return;
        var calendar = await _calendars().CurrentAsync(cancellation);

        if ((operations as IDocumentSession)?.GetHeader(FoldedStatesHeader) is IReadOnlyDictionary<string, FoldedDossier> folded)
        {
            QueueWrites(operations, byDossier.Select(g => FoldedFor(folded, g.Key, g.Count())).ToList(), calendar);
            return;
        }

        var before = await LoadAsync(operations, byDossier.Select(g => g.Key).ToArray(), cancellation);
        var changes = new List<FoldedDossier>(byDossier.Count);
        foreach (var group in byDossier)
        {
            var previous = before.GetValueOrDefault(group.Key);
            var dossier = previous;
            foreach (var @event in group)
            {
                var data = (IDossierEvent)@event.Data;
                dossier = dossier is null ? Dossier.Start(group.Key, (DossierReceived)data) : dossier.Apply(data);
            }
            changes.Add(new FoldedDossier(previous, dossier!));
        }
        QueueWrites(operations, changes, calendar);
    }

    private static FoldedDossier FoldedFor(IReadOnlyDictionary<string, FoldedDossier> folded, string code, int eventCount) =>
        folded.TryGetValue(code, out var states) && states.After.Version - (states.Before?.Version ?? 0) == eventCount
            ? states
            : throw new InvalidOperationException($"The session's folded states do not cover the {eventCount} new events of dossier '{code}'.");

    public static async Task<Dictionary<string, Dossier>> LoadAsync(IQuerySession session, string[] codes, CancellationToken cancellation)
    {
        var json = await session.AdvancedSql.QueryAsync<string>(
            $"select state::text from {TrackerTables.Dossiers} where code = any(?)", cancellation, [codes]);
        return json.Select(Deserialize).ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    public static Dossier Deserialize(string json) => JsonSerializer.Deserialize<Dossier>(json, StateJson.Options)!;

    private static void QueueWrites(IDocumentOperations operations, IReadOnlyList<FoldedDossier> changes, WorkingCalendar calendar)
    {
        foreach (var (sql, parameters) in ReadModelWrites.For(changes, calendar)) operations.QueueSqlCommand(sql, parameters);
    }

    /// <summary>Arrays of instants at offset zero, which Npgsql writes as timestamptz (nulls allowed).</summary>
    public static DateTimeOffset?[] Timestamptz(IEnumerable<DateTimeOffset?> values) =>
        values.Select(v => v?.ToUniversalTime()).ToArray();
}

/// <summary>A dossier's state before (null for a new dossier) and after the events of one transaction.</summary>
public sealed record FoldedDossier(Dossier? Before, Dossier After);
