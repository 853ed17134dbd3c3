using DossierTracker.Organisation;

namespace DossierTracker.Reporting;

/// <summary>
/// A row of the monthly report. A unit row names its unit; a subtotal row has only the level it sums;
/// the total row has neither.
/// </summary>
public sealed record ReportRow(ReportRowKind Kind, string? UnitCode, string? UnitName, UnitLevel? Level, ReportFigures Figures);
