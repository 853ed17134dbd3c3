using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>
/// Builds form 06 over any period for a unit's subtree, with rows by unit, field or procedure and an optional
/// comparison (every count of a request in one round trip, <see cref="ReportCountsQuery"/>), and the month by month trend
/// (one statement, <see cref="TrendCountsQuery"/>).
/// A period still running is counted up to now (<see cref="ReportWindow"/>).
/// </summary>
public sealed class Form06Reports(ReportCountsQuery counts, TrendCountsQuery trendCounts, ReferenceDataCache referenceData, TrackerClock clock)
{
    /// <summary>The report of <paramref name="period"/>, counted up to now when the period is still running.</summary>
    /// <exception cref="PeriodNotBegunException">The period has not begun (the endpoints answer 422 <c>period-in-future</c>).</exception>
    public async Task<Form06Report> BuildAsync(UnitScope scope, ReportPeriod period, ReportRowsBy rowsBy, ReportComparison comparison,
        CancellationToken cancellationToken)
    {
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var tree = snapshot.Units;
        var window = WindowOf(period);
        var compared = comparison switch
        {
            ReportComparison.Previous => period.Previous(),
            ReportComparison.LastYear => period.LastYear(),
            _ => null,
        };
        // The compared period lies before the asked one, which has begun: it has ended, so its window is its own.
        var windows = new List<(ReportWindow, string[])> { (window, scope.CountedCodes(tree, period.From)) };
        if (compared is not null) windows.Add((WindowOf(compared), scope.CountedCodes(tree, compared.From)));
        var counted = await counts.CountsAsync(windows, rowsBy, cancellationToken);
        var (current, previous) = (counted[0], compared is null ? null : counted[1]);

        var procedures = snapshot.Procedures.Values.ToList();
        var rows = rowsBy switch
        {
            ReportRowsBy.Field => Form06Rows.ByField(procedures, current, previous),
            ReportRowsBy.Procedure => Form06Rows.ByProcedure(procedures, current, previous),
            _ => UnitRows(scope, tree, period, compared, current, previous),
        };
        return new Form06Report(period, scope.Unit.Code, scope.Unit.Name, rowsBy, rows,
            window.Provisional, window.Provisional ? window.End : null, compared);
    }

    /// <summary>The whole subtree's figures for each month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="PeriodNotBegunException"><paramref name="to"/> has not begun.</exception>
    public async Task<ReportTrend> TrendAsync(UnitScope scope, ReportMonth from, ReportMonth to, CancellationToken cancellationToken)
    {
        var months = ReportMonth.Range(from, to).ToList();
        var tree = (await referenceData.GetAsync(cancellationToken)).Units;
        var windows = months.Select(m => (WindowOf(ReportPeriod.Month(m.Year, m.Month)), scope.CountedCodes(tree, m.FirstDay))).ToList();
        var counted = await trendCounts.CountsAsync(windows, windows.All(w => w.Item2.Length == tree.Units.Count), cancellationToken);
        var points = months.Select((month, i) => new TrendPoint(month, ReportFigures.From(counted[i]))).ToList();
        var last = windows[^1].Item1;
        return new ReportTrend(points, last.Provisional, last.Provisional ? last.End : null);
    }

    /// <summary>
    /// Unit rows: the counts by receiving unit moved to the unit each dossier counts for in the period (a successor
    /// after a merger); the compared period's under the same rule, except that a row's unit that did not exist yet
    /// then shows its predecessors' figures (it stands for them, contract v2).
    /// </summary>
    private static IReadOnlyList<Form06Row> UnitRows(UnitScope scope, OrganisationTree tree, ReportPeriod period, ReportPeriod? compared,
        IReadOnlyDictionary<string, UnitMonthCounts> byReceivingUnit, IReadOnlyDictionary<string, UnitMonthCounts>? previousByReceivingUnit)
    {
        var current = Rekey(byReceivingUnit, code => tree.CountingUnit(code, period.From));
        var shown = UnitsInReport(scope, period, current, null).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var previous = previousByReceivingUnit is null || compared is null
            ? null
            : Rekey(previousByReceivingUnit, code => tree.StandingUnit(code, compared.From, compared.To, shown));
        return Form06Rows.ByUnit(UnitsInReport(scope, period, current, previous), current, previous);
    }

    private static Dictionary<string, UnitMonthCounts> Rekey(IReadOnlyDictionary<string, UnitMonthCounts> counts, Func<string, string> keyOf)
    {
        var result = new Dictionary<string, UnitMonthCounts>(StringComparer.Ordinal);
        foreach (var (code, count) in counts)
        {
            var key = keyOf(code);
            result[key] = result.TryGetValue(key, out var sum) ? sum + count : count;
        }
        return result;
    }

    private ReportWindow WindowOf(ReportPeriod period) => ReportWindow.Of(period, clock.Now) ?? throw new PeriodNotBegunException(period);

    /// <summary>
    /// Units valid in the period, plus any that hold dossiers in it or in the compared period (a district closed by a
    /// reorganisation keeps the dossiers it received until they are finished, and its row shows what it had before).
    /// The form's rows are departments, districts and communes: the province itself only gets a row when dossiers were
    /// received at it directly.
    /// </summary>
    private static List<Unit> UnitsInReport(UnitScope scope, ReportPeriod period,
        IReadOnlyDictionary<string, UnitMonthCounts> current, IReadOnlyDictionary<string, UnitMonthCounts>? previous)
    {
        bool HasFigures(Unit unit) => current.ContainsKey(unit.Code) || previous?.ContainsKey(unit.Code) == true;
        return scope.Units
            .Where(u => u.IsValidDuring(period.From, period.To) || HasFigures(u))
            .Where(u => u.Level != UnitLevel.Province || HasFigures(u))
            .ToList();
    }
}
