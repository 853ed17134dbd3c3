using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Simulator.ReferenceData;

/// <summary>
/// A procedure of the demo catalogue with the hint the API ignores and the simulator reads (ops/demo/README.md): the
/// levels of units that receive it. The simulator weighs and routes procedures by their field's name.
/// </summary>
public sealed record CatalogueProcedure(Procedure Procedure, IReadOnlyList<UnitLevel> Levels)
{
    public const string LandField = "Đất đai";

    public string Code => Procedure.Code;

    /// <summary>The field's name (lĩnh vực), empty for a procedure without one.</summary>
    public string Field => Procedure.Field?.Name ?? "";

    /// <summary>Land dossiers are the usual laggards (domain.md), so they are late more often.</summary>
    public bool IsLand => Field == LandField;
}
