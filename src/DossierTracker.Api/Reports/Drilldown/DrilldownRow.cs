using DossierTracker.Organisation;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>Which row of the report a drill-down opens: the total, a level's subtotal, one unit's own dossiers, a field's or a procedure's.</summary>
public abstract record DrilldownRow
{
    private DrilldownRow() { }

    /// <summary>The total row: every dossier of the unit's subtree.</summary>
    public sealed record Total : DrilldownRow;

    /// <summary>A unit row: the dossiers received by that unit itself.</summary>
    public sealed record OfUnit(string UnitCode) : DrilldownRow;

    /// <summary>A subtotal row: the dossiers counted for the units of that level.</summary>
    public sealed record OfLevel(UnitLevel Level) : DrilldownRow;

    /// <summary>A field row (<c>field=CODE</c>), or the row of procedures without a field (<c>field=none</c>, code null).</summary>
    public sealed record OfField(string? FieldCode) : DrilldownRow;

    /// <summary>A procedure row.</summary>
    public sealed record OfProcedure(string ProcedureCode) : DrilldownRow;
}
