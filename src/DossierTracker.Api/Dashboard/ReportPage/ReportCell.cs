using System.Text.Json;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>
/// One figure of a report, in the parameters of <c>GET /api/reports/form06/dossiers</c>: the report's period
/// (<c>period</c> or <c>from</c>/<c>to</c>, <c>cutoff</c>), the <c>column</c>, and the row by <c>rowUnit</c>,
/// <c>level</c> (a subtotal, whose code is the level's wire name), <c>field</c> (<c>none</c> for procedures without one)
/// or <c>procedure</c>; none of them is the total row.
/// </summary>
public sealed record ReportCell(ReportPeriod Period, ReportColumn Column, ReportRowKind RowKind, string? RowCode)
{
    public const string NoField = "none";

    /// <summary>The kind of report whose rows hold this cell.</summary>
    public ReportRowsBy RowsBy => RowKind switch
    {
        ReportRowKind.Field => ReportRowsBy.Field,
        ReportRowKind.Procedure => ReportRowsBy.Procedure,
        _ => ReportRowsBy.Unit,
    };

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>.</summary>
    public static ReportCell Of(ReportPeriod period, ReportColumn column, Form06Row row) => row.Kind switch
    {
        ReportRowKind.Subtotal => new(period, column, row.Kind, WireNames.Of(row.Level!.Value)),
        ReportRowKind.Unit => new(period, column, row.Kind, row.UnitCode),
        ReportRowKind.Field => new(period, column, row.Kind, row.FieldCode),
        ReportRowKind.Procedure => new(period, column, row.Kind, row.ProcedureCode),
        _ => new(period, column, ReportRowKind.Total, null),
    };

    /// <summary>The drill-down's parameters for this cell.</summary>
    public IEnumerable<(string Name, string? Value)> Parameters() =>
    [
        .. ReportQuery.PeriodParameters(Period),
        ("column", WireNames.Of(Column, JsonNamingPolicy.CamelCase)),
        RowKind switch
        {
            ReportRowKind.Unit => ("rowUnit", RowCode),
            ReportRowKind.Subtotal => ("level", RowCode),
            ReportRowKind.Field => ("field", RowCode ?? NoField),
            ReportRowKind.Procedure => ("procedure", RowCode),
            _ => ("rowUnit", null),
        },
    ];

    /// <summary>The cell's row in <paramref name="report"/>; null when the report has no such row.</summary>
    public Form06Row? RowIn(Form06Report report) => RowKind switch
    {
        ReportRowKind.Unit => report.Rows.FirstOrDefault(r => r.Kind == ReportRowKind.Unit && r.UnitCode == RowCode),
        ReportRowKind.Subtotal => report.Rows.FirstOrDefault(r => r.Kind == ReportRowKind.Subtotal && r.Level is { } level && WireNames.Of(level) == RowCode),
        ReportRowKind.Field => report.Rows.FirstOrDefault(r => r.Kind == ReportRowKind.Field && r.FieldCode == RowCode),
        ReportRowKind.Procedure => report.Rows.FirstOrDefault(r => r.Kind == ReportRowKind.Procedure && r.ProcedureCode == RowCode),
        _ => report.Total,
    };

    /// <summary>The cell the query names, or null when a parameter is missing or not valid.</summary>
    public static ReportCell? Read(IQueryCollection query, DateOnly today)
    {
        var errors = new List<ReportQueryError>();
        var report = ReportQuery.Read(query, today, errors, out _);
        if (report is null || !WireNames.TryParse(query["column"], out ReportColumn column, JsonNamingPolicy.CamelCase)) return null;

        var rows = new (ReportRowKind Kind, string? Code)[]
        {
            (ReportRowKind.Unit, query["rowUnit"]), (ReportRowKind.Subtotal, query["level"]), (ReportRowKind.Field, query["field"]), (ReportRowKind.Procedure, query["procedure"]),
        }.Where(r => !string.IsNullOrEmpty(r.Code)).ToList();
        return rows switch
        {
            [] => new ReportCell(report.Period, column, ReportRowKind.Total, null),
            [var row] => new ReportCell(report.Period, column, row.Kind, row is { Kind: ReportRowKind.Field, Code: NoField } ? null : row.Code),
            _ => null,
        };
    }
}
