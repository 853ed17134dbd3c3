using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Ingestion;

/// <summary>Everything besides the dossier itself that decides whether an event is accepted.</summary>
/// <param name="ScopeUnitCode">The unit the sender may act on (with everything below it); null for the tracker itself.</param>
public sealed record DecisionContext(
    OrganisationTree Units,
    IReadOnlyDictionary<string, Procedure> Procedures,
    WorkingCalendar Calendar,
    DateTimeOffset Now,
    DateTimeOffset RecordedAt,
    string? ScopeUnitCode,
    string Source)
{
    /// <summary>Events may be stamped a little ahead of our clock; beyond this they are refused.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Whether the sender may act on the dossier: its receiving unit lies in the sender's scope.</summary>
    public bool MayActOn(Dossier dossier) => ScopeUnitCode is not { } scope || Units.IsInScopeOf(dossier.UnitCode, scope);
}
