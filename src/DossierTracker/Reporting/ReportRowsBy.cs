namespace DossierTracker.Reporting;

/// <summary>What a report's rows are (the contract's <c>rows</c>): units, fields (lĩnh vực) or procedures.</summary>
public enum ReportRowsBy
{
    Unit,
    Field,
    Procedure,
}
