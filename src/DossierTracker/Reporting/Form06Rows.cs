using DossierTracker.Organisation;
using DossierTracker.Procedures;

namespace DossierTracker.Reporting;

/// <summary>
/// The rows of form 06 from counts by row key (a unit code, or a procedure code for rows by field and procedure),
/// each row's comparison figures from the counts of the compared period when given, and the total last. Every count
/// given lands in exactly one row, so the rows always add up to the total.
/// </summary>
public static class Form06Rows
{
    /// <summary>
    /// Unit rows by level (province, department, district, commune) then code, each level closed by its subtotal,
    /// and the total last. Every unit in <paramref name="units"/> gets a row, with zeros when it has no counts.
    /// </summary>
    /// <param name="units">The units to list; the caller selects them.</param>
    /// <param name="counts">Counts by unit code. A code that is not in <paramref name="units"/> is an error, not
    /// something to drop: the total would silently lose dossiers.</param>
    /// <param name="previous">Counts by unit code in the compared period, under the same rule; null without a comparison.</param>
    public static IReadOnlyList<Form06Row> ByUnit(IReadOnlyList<Unit> units, IReadOnlyDictionary<string, UnitMonthCounts> counts,
        IReadOnlyDictionary<string, UnitMonthCounts>? previous = null)
    {
        CheckCountsBelongToUnits(units, counts, nameof(counts));
        if (previous is not null) CheckCountsBelongToUnits(units, previous, nameof(previous));

        var rows = new List<Form06Row>();
        foreach (var level in units.Select(u => u.Level).Distinct().Order())
        {
            var unitRows = units
                .Where(u => u.Level == level)
                .OrderBy(u => u.Code, StringComparer.Ordinal)
                .Select(u => new Form06Row(ReportRowKind.Unit, Figures(counts, u.Code), Compared(previous, u.Code),
                    UnitCode: u.Code, UnitName: u.Name, Level: u.Level))
                .ToList();
            rows.AddRange(unitRows);
            rows.Add(new Form06Row(ReportRowKind.Subtotal, Sum(unitRows), SumPrevious(unitRows, compared: previous is not null), Level: level));
        }
        return WithTotal(rows, rows.Where(r => r.Kind == ReportRowKind.Unit).ToList(), compared: previous is not null);
    }

    /// <summary>
    /// One row per distinct field of <paramref name="procedures"/> ordered by code (zero rows included), then the row
    /// of procedures without a field (always present; it also takes codes that are not known procedures), then the total.
    /// </summary>
    /// <param name="counts">Counts by procedure code.</param>
    public static IReadOnlyList<Form06Row> ByField(IReadOnlyCollection<Procedure> procedures, IReadOnlyDictionary<string, UnitMonthCounts> counts,
        IReadOnlyDictionary<string, UnitMonthCounts>? previous = null)
    {
        var fieldOf = procedures.Where(p => p.Field is not null).ToDictionary(p => p.Code, p => p.Field!.Code, StringComparer.Ordinal);
        // Two procedures may spell one field's name differently; the one of the lowest procedure code names it.
        var fields = procedures.Where(p => p.Field is not null)
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => p.Field!)
            .DistinctBy(f => f.Code, StringComparer.Ordinal)
            .OrderBy(f => f.Code, StringComparer.Ordinal)
            .ToList();

        string? FieldOf(string procedureCode) => fieldOf.GetValueOrDefault(procedureCode);
        var rows = fields
            .Select(f => new Form06Row(ReportRowKind.Field, Figures(counts, code => FieldOf(code) == f.Code),
                Compared(previous, code => FieldOf(code) == f.Code), FieldCode: f.Code, FieldName: f.Name))
            .Append(new Form06Row(ReportRowKind.Field, Figures(counts, code => FieldOf(code) is null), Compared(previous, code => FieldOf(code) is null)))
            .ToList();
        return WithTotal(rows, rows, compared: previous is not null);
    }

    /// <summary>
    /// One row per known procedure ordered by code (zero rows included), then the total. A code with counts that is
    /// not a known procedure (one dropped from the reference data) gets a row of its own without a name, in code order.
    /// </summary>
    /// <param name="counts">Counts by procedure code.</param>
    public static IReadOnlyList<Form06Row> ByProcedure(IReadOnlyCollection<Procedure> procedures, IReadOnlyDictionary<string, UnitMonthCounts> counts,
        IReadOnlyDictionary<string, UnitMonthCounts>? previous = null)
    {
        var names = procedures.ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var rows = names.Keys
            .Concat(counts.Keys).Concat(previous?.Keys ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(code => new Form06Row(ReportRowKind.Procedure, Figures(counts, code), Compared(previous, code),
                ProcedureCode: code, ProcedureName: names.GetValueOrDefault(code)))
            .ToList();
        return WithTotal(rows, rows, compared: previous is not null);
    }

    private static IReadOnlyList<Form06Row> WithTotal(List<Form06Row> rows, IReadOnlyList<Form06Row> summed, bool compared)
    {
        rows.Add(new Form06Row(ReportRowKind.Total, Sum(summed), SumPrevious(summed, compared)));
        return rows;
    }

    private static ReportFigures Sum(IEnumerable<Form06Row> rows) => ReportFigures.Sum(rows.Select(r => r.Figures));

    private static ReportFigures? SumPrevious(IReadOnlyList<Form06Row> rows, bool compared) =>
        !compared ? null : ReportFigures.Sum(rows.Select(r => r.Previous!));

    private static ReportFigures Figures(IReadOnlyDictionary<string, UnitMonthCounts> counts, string key) =>
        ReportFigures.From(counts.GetValueOrDefault(key, UnitMonthCounts.Zero));

    private static ReportFigures? Compared(IReadOnlyDictionary<string, UnitMonthCounts>? counts, string key) =>
        counts is null ? null : Figures(counts, key);

    private static ReportFigures Figures(IReadOnlyDictionary<string, UnitMonthCounts> counts, Func<string, bool> key) =>
        ReportFigures.From(UnitMonthCounts.Sum(counts.Where(c => key(c.Key)).Select(c => c.Value)));

    private static ReportFigures? Compared(IReadOnlyDictionary<string, UnitMonthCounts>? counts, Func<string, bool> key) =>
        counts is null ? null : Figures(counts, key);

    private static void CheckCountsBelongToUnits(IReadOnlyList<Unit> units, IReadOnlyDictionary<string, UnitMonthCounts> counts, string parameter)
    {
        var duplicate = units.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Unit '{duplicate.Key}' appears more than once.", nameof(units));

        var codes = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var stray = counts.Keys.Where(code => !codes.Contains(code)).Order(StringComparer.Ordinal).ToList();
        if (stray.Count > 0)
            throw new ArgumentException($"Counts for units not in the report: {string.Join(", ", stray)}.", parameter);
    }
}
