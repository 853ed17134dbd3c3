using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>Builds a month's form 06 for a unit's subtree from the database counts.</summary>
public sealed class MonthlyReports(ReportCountsQuery counts)
{
    public async Task<MonthlyReport> BuildAsync(UnitScope scope, ReportMonth month, CancellationToken cancellationToken)
    {
        var unitCounts = await counts.CountsAsync(scope.Codes, month, cancellationToken);
        // Units valid in the month, plus any that still hold dossiers in it (a district closed by a reorganisation
        // keeps the dossiers it received until they are finished). The form's rows are departments, districts and
        // communes: the province itself only gets a row when dossiers were received at it directly.
        var units = scope.Subtree
            .Where(u => u.IsValidDuring(month.FirstDay, month.LastDay) || unitCounts.ContainsKey(u.Code))
            .Where(u => u.Level != UnitLevel.Province || unitCounts.ContainsKey(u.Code))
            .ToList();
        return MonthlyReport.Build(month, scope.Unit, units, unitCounts);
    }

    /// <summary>The whole subtree's figures for each month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(UnitScope scope, ReportMonth from, ReportMonth to, CancellationToken cancellationToken)
    {
        var points = new List<TrendPoint>();
        foreach (var month in ReportMonth.Range(from, to))
            points.Add(new TrendPoint(month, ReportFigures.From(UnitMonthCounts.Sum((await counts.CountsAsync(scope.Codes, month, cancellationToken)).Values))));
        return points;
    }
}
