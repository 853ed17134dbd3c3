using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>Builds form 06 over any period for a unit's subtree, with rows by unit, field or procedure and an optional comparison.</summary>
public sealed class Form06Reports(ReportCountsQuery counts, TrackerClock clock)
{
    /// <summary>
    /// The report of <paramref name="period"/>, counted up to now when the period is still running.
    /// </summary>
    /// <exception cref="PeriodNotBegunException">The period has not begun (the endpoint answers 422 <c>period-in-future</c>).</exception>
    public Task<Form06Report> BuildAsync(UnitScope scope, ReportPeriod period, ReportRowsBy rowsBy, ReportComparison comparison,
        CancellationToken cancellationToken)
    {
        _ = (counts, clock, scope, period, rowsBy, comparison, cancellationToken);
        throw new NotImplementedException("Form06Reports is being built on branch h15-form06.");
    }
}
