namespace DossierTracker.Reporting;

public enum ReportRowKind
{
    Unit,
    Subtotal,
    Total,
    Field,
    Procedure,
}
