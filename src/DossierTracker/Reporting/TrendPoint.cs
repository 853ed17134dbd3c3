namespace DossierTracker.Reporting;

/// <summary>One month of a unit subtree's trend; the figures are the subtree's summed counts.</summary>
public sealed record TrendPoint(ReportMonth Month, ReportFigures Figures);
