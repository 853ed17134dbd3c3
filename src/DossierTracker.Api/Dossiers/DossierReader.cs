using DossierTracker.Api.ReadReplica;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Marten;

namespace DossierTracker.Api.Dossiers;

/// <summary>
/// Reads one dossier, folded from its event stream, as the API and the dashboard show it: never stale, on the replica
/// only when it has replayed every write acknowledged before the read.
/// </summary>
public sealed class DossierReader(IDocumentStore store, ReadSource reads, ReferenceDataCache referenceData, TrackerClock clock)
{
    /// <summary>The dossier, or null when it does not exist or lies outside <paramref name="scopeUnitCode"/>.</summary>
    public async Task<DossierView?> ReadAsync(string dossierCode, string scopeUnitCode, CancellationToken cancellationToken)
    {
        if (dossierCode.StartsWith('$')) return null;
        var events = await reads.ReadCurrentAsync(async source =>
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var session = store.QuerySession(Marten.Services.SessionOptions.ForConnection(connection));
            return await session.Events.FetchStreamAsync(dossierCode, token: cancellationToken);
        }, cancellationToken);
        if (events.Count == 0 || events[0].Data is not DossierReceived) return null;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var dossier = Dossier.Fold(dossierCode, events.Select(e => (IDossierEvent)e.Data));
        if (!snapshot.Units.IsInScopeOf(dossier.UnitCode, scopeUnitCode)) return null;

        return DossierView.Of(dossier, events, snapshot.Calendar, clock.Now,
            snapshot.Units.Find(dossier.UnitCode)?.Name, snapshot.Procedures.GetValueOrDefault(dossier.ProcedureCode));
    }
}
