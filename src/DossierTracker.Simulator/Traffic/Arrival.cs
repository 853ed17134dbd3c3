using DossierTracker.Dossiers;
using DossierTracker.Organisation;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

/// <summary>A dossier as it arrives at the one-stop desk, before its life is planned.</summary>
internal sealed record Arrival(DateTimeOffset At, CatalogueProcedure Procedure, Unit Unit, Channel Channel, int LifeSeed);
