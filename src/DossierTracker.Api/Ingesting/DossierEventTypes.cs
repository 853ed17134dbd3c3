using DossierTracker.Dossiers;

namespace DossierTracker.Api.Ingesting;

/// <summary>The names dossier events are stored under in Marten's event store.</summary>
public static class DossierEventTypes
{
    /// <summary>Stored event names are part of the schema: stable, never changed once shipped.</summary>
    public static readonly IReadOnlyDictionary<string, Type> All = new Dictionary<string, Type>(StringComparer.Ordinal)
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
}
