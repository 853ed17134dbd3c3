using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Simulator.ReferenceData;

/// <summary>
/// A procedure of the demo catalogue with the two hints the API ignores and the simulator reads (ops/demo/README.md):
/// its field (lĩnh vực) and the levels of units that receive it.
/// </summary>
public sealed record CatalogueProcedure(Procedure Procedure, string Field, IReadOnlyList<UnitLevel> Levels)
{
    public const string LandField = "Đất đai";

    public string Code => Procedure.Code;

    /// <summary>Land dossiers are the usual laggards (domain.md), so they are late more often.</summary>
    public bool IsLand => Field == LandField;
}
