using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Marten;

namespace DossierTracker.Api.Dossiers;

/// <summary>Reads one dossier, folded from its event stream (never stale), as the API and the dashboard show it.</summary>
public sealed class DossierReader(IDocumentStore store, ReferenceDataCache referenceData, TrackerClock clock)
{
    /// <summary>The dossier, or null when it does not exist or lies outside <paramref name="scopeUnitCode"/>.</summary>
    public async Task<DossierView?> ReadAsync(string dossierCode, string scopeUnitCode, CancellationToken cancellationToken)
    {
        if (dossierCode.StartsWith('$')) return null;
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(dossierCode, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not DossierReceived) return null;

        var snapshot = await referenceData.GetAsync(cancellationToken);
        var dossier = Dossier.Fold(dossierCode, events.Select(e => (IDossierEvent)e.Data));
        if (!snapshot.Units.IsInScopeOf(dossier.UnitCode, scopeUnitCode)) return null;

        return DossierView.Of(dossier, events, snapshot.Calendar, clock.Now,
            snapshot.Units.Find(dossier.UnitCode)?.Name, snapshot.Procedures.GetValueOrDefault(dossier.ProcedureCode));
    }
}
