namespace DossierTracker.Reporting;

/// <summary>A report was asked for a period that has not begun; nothing can be counted in it yet.</summary>
public sealed class PeriodNotBegunException(ReportPeriod period)
    : Exception($"The period {period} begins on {period.From:yyyy-MM-dd}, after now.")
{
    public ReportPeriod Period { get; } = period;
}
