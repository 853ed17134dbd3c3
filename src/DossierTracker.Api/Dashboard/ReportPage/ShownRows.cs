using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>
/// The rows of a report by unit that add something to read. A subtotal of a level with one unit repeats that unit's
/// row, and the total of a report with one unit row repeats it: a department's report is its own row, once, not the
/// same figures three times. Rows by field or procedure are shown as they are.
/// </summary>
public static class ShownRows
{
    public static IReadOnlyList<Form06Row> Of(IReadOnlyList<Form06Row> rows)
    {
        var unitRows = rows.Where(r => r.Kind == ReportRowKind.Unit).ToList();
        if (unitRows.Count == 0) return rows;
        return rows.Where(row => row.Kind switch
        {
            ReportRowKind.Subtotal => unitRows.Count(u => u.Level == row.Level) > 1,
            ReportRowKind.Total => unitRows.Count > 1,
            _ => true,
        }).ToList();
    }
}
