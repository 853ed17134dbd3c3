namespace DossierTracker.Reporting;

/// <summary>Which earlier period a report's rows are compared with (the contract's <c>compare</c>).</summary>
public enum ReportComparison
{
    None,
    /// <summary>The period of the same kind just before (<see cref="ReportPeriod.Previous"/>).</summary>
    Previous,
    /// <summary>The same period a year earlier (<see cref="ReportPeriod.LastYear"/>).</summary>
    LastYear,
}
