using System.Text.Json.Serialization;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>
/// A form 06 row on the wire: <c>kind</c>, the names of what the report's rows are (unit, field or procedure, written
/// even when null, as the contract shows them), the figures flattened, and <c>previous</c> with a comparison. Every row
/// of a report has the shape of its <see cref="ReportRowsBy"/>, its total row included.
/// </summary>
[JsonDerivedType(typeof(UnitRowResponse))]
[JsonDerivedType(typeof(FieldRowResponse))]
[JsonDerivedType(typeof(ProcedureRowResponse))]
public abstract record Form06RowResponse : ReportFiguresResponse
{
    protected Form06RowResponse(Form06Row row) : base(Of(row.Figures))
    {
        Kind = row.Kind;
        Previous = row.Previous is { } previous ? Of(previous) : null;
    }

    [JsonPropertyOrder(-10)] public ReportRowKind Kind { get; }

    /// <summary>The same figures in the compared period; absent without <c>compare</c>.</summary>
    [JsonPropertyOrder(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ReportFiguresResponse? Previous { get; }

    public static Form06RowResponse Of(Form06Row row, ReportRowsBy rowsBy) => rowsBy switch
    {
        ReportRowsBy.Field => new FieldRowResponse(row),
        ReportRowsBy.Procedure => new ProcedureRowResponse(row),
        _ => new UnitRowResponse(row),
    };
}

public sealed record UnitRowResponse : Form06RowResponse
{
    public UnitRowResponse(Form06Row row) : base(row) => (UnitCode, UnitName, Level) = (row.UnitCode, row.UnitName, row.Level);

    [JsonPropertyOrder(-9), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? UnitCode { get; }
    [JsonPropertyOrder(-8), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? UnitName { get; }
    [JsonPropertyOrder(-7), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public UnitLevel? Level { get; }
}

public sealed record FieldRowResponse : Form06RowResponse
{
    public FieldRowResponse(Form06Row row) : base(row) => (FieldCode, FieldName) = (row.FieldCode, row.FieldName);

    /// <summary>Null on the row of procedures without a field, and on the total.</summary>
    [JsonPropertyOrder(-9), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? FieldCode { get; }
    [JsonPropertyOrder(-8), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? FieldName { get; }
}

public sealed record ProcedureRowResponse : Form06RowResponse
{
    public ProcedureRowResponse(Form06Row row) : base(row) => (ProcedureCode, ProcedureName) = (row.ProcedureCode, row.ProcedureName);

    [JsonPropertyOrder(-9), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? ProcedureCode { get; }
    [JsonPropertyOrder(-8), JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string? ProcedureName { get; }
}
