namespace DossierTracker.Reporting;

/// <summary>What a report period is: a named month, quarter, half year or year, or a span of dates.</summary>
public enum ReportPeriodKind
{
    Month,
    Quarter,
    HalfYear,
    Year,
    Span,
}
