using DossierTracker.Organisation;

namespace DossierTracker.Reporting;

/// <summary>
/// A row of <see cref="Form06Report"/>. A unit row names its unit, a subtotal only the level it sums, a field row its
/// field (code null for procedures without one), a procedure row its procedure; the total names nothing.
/// <see cref="Previous"/> holds the same row's figures in the compared period, null without a comparison.
/// </summary>
public sealed record Form06Row(
    ReportRowKind Kind,
    ReportFigures Figures,
    ReportFigures? Previous = null,
    string? UnitCode = null,
    string? UnitName = null,
    UnitLevel? Level = null,
    string? FieldCode = null,
    string? FieldName = null,
    string? ProcedureCode = null,
    string? ProcedureName = null);
