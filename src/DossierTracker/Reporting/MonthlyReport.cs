using DossierTracker.Organisation;

namespace DossierTracker.Reporting;

/// <summary>The monthly report of a unit's subtree: form Biểu số 06/VPCP/KSTT with the 766 indicator.</summary>
public sealed record MonthlyReport(ReportMonth Month, string UnitCode, string UnitName, IReadOnlyList<ReportRow> Rows)
{
    /// <summary>
    /// Unit rows by level (province, department, district, commune) then code, each level closed by its subtotal,
    /// and the total last. Every unit in <paramref name="unitsInReport"/> gets a row, with zeros when it has no counts.
    /// </summary>
    /// <param name="unitsInReport">Every unit of the scope's subtree valid in the month; the caller selects them.</param>
    /// <param name="counts">Counts by unit code. A code that is not in <paramref name="unitsInReport"/> is an error, not
    /// something to drop: the total would silently lose dossiers.</param>
    public static MonthlyReport Build(
        ReportMonth month,
        Unit scopeUnit,
        IReadOnlyList<Unit> unitsInReport,
        IReadOnlyDictionary<string, UnitMonthCounts> counts)
    {
        CheckCountsBelongToUnits(unitsInReport, counts);

        var rows = new List<ReportRow>();
        foreach (var level in unitsInReport.Select(u => u.Level).Distinct().Order())
        {
            var unitRows = unitsInReport
                .Where(u => u.Level == level)
                .OrderBy(u => u.Code, StringComparer.Ordinal)
                .Select(u => new ReportRow(ReportRowKind.Unit, u.Code, u.Name, u.Level, ReportFigures.From(counts.GetValueOrDefault(u.Code, UnitMonthCounts.Zero))))
                .ToList();
            rows.AddRange(unitRows);
            rows.Add(new ReportRow(ReportRowKind.Subtotal, null, null, level, ReportFigures.Sum(unitRows.Select(r => r.Figures))));
        }

        var total = ReportFigures.Sum(rows.Where(r => r.Kind == ReportRowKind.Unit).Select(r => r.Figures));
        rows.Add(new ReportRow(ReportRowKind.Total, null, null, null, total));

        return new MonthlyReport(month, scopeUnit.Code, scopeUnit.Name, rows);
    }

    private static void CheckCountsBelongToUnits(IReadOnlyList<Unit> unitsInReport, IReadOnlyDictionary<string, UnitMonthCounts> counts)
    {
        var duplicate = unitsInReport.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Unit '{duplicate.Key}' appears more than once.", nameof(unitsInReport));

        var codes = unitsInReport.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var stray = counts.Keys.Where(code => !codes.Contains(code)).Order(StringComparer.Ordinal).ToList();
        if (stray.Count > 0)
            throw new ArgumentException($"Counts for units not in the report: {string.Join(", ", stray)}.", nameof(counts));
    }
}
