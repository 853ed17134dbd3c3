using System.Text.Json;
using DossierTracker.Api.Http;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>
/// The query of <c>GET /api/reports/form06/dossiers</c> as far as it can be read without the organisation and the
/// procedures: the report's <c>unit</c> and period, the cell's column and row, paging and format.
/// </summary>
public sealed record DrilldownRequest(
    string? Unit,
    ReportPeriod Period,
    ReportColumn Column,
    string? RowUnit,
    UnitLevel? Level,
    string? Field,
    string? Procedure,
    ListPaging Paging,
    ListFormat Format)
{
    /// <summary>The value of <c>field</c> that selects the row of procedures without a field.</summary>
    public const string NoField = "none";

    public static DrilldownRequest? Parse(QueryParameters query, string? unit, string? period, string? from, string? to, string? cutoff,
        string? column, string? rowUnit, string? level, string? field, string? procedure, string? page, string? pageSize, string? format)
    {
        var unitCode = query.Code("unit", unit);
        var reportPeriod = ReportRequest.Period(query, period, from, to, cutoff);
        query.Check(!string.IsNullOrEmpty(column), "column", $"column is required: one of {string.Join(", ", ColumnNames)}.");
        var reportColumn = string.IsNullOrEmpty(column) ? default : query.Enum("column", column, default(ReportColumn), JsonNamingPolicy.CamelCase);
        var row = (RowUnit: query.Code("rowUnit", rowUnit), Field: query.Code("field", field), Procedure: query.Code("procedure", procedure));
        UnitLevel? rowLevel = string.IsNullOrEmpty(level) ? null : query.Enum("level", level, default(UnitLevel));
        query.Check(new[] { row.RowUnit, rowLevel?.ToString(), row.Field, row.Procedure }.Count(p => p is not null) <= 1, "rowUnit",
            "Give at most one of rowUnit, level, field and procedure (none of them: the total row).");
        var paging = ListPaging.Parse(query, page, pageSize);
        var listFormat = query.Enum("format", format, ListFormat.Json);
        return query.HasErrors
            ? null
            : new DrilldownRequest(unitCode, reportPeriod!, reportColumn, row.RowUnit, rowLevel, row.Field, row.Procedure, paging, listFormat);
    }

    private static IEnumerable<string> ColumnNames => WireNames.All<ReportColumn>(JsonNamingPolicy.CamelCase);
}
