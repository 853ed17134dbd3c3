using System.Text.Json.Serialization;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>A form 06 row on the wire: figures flattened, and absent values written as null (contract shape).</summary>
public sealed record ReportRowResponse(
    ReportRowKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? UnitName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] UnitLevel? Level,
    int Received, int ReceivedOnline, int ReceivedDirect, int CarriedOver,
    int Resolved, int ResolvedEarly, int ResolvedOnTime, int ResolvedLate,
    int InProgress, int InProgressOnTime, int InProgressOverdue,
    int WithdrawnOrStopped,
    int OnTime766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTimeRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Indicator766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Points766)
{
    public static ReportRowResponse Of(ReportRow row) => Of(row.Kind, row.UnitCode, row.UnitName, row.Level, row.Figures);

    public static ReportRowResponse Of(ReportRowKind kind, string? unitCode, string? unitName, UnitLevel? level, ReportFigures f) => new(
        kind, unitCode, unitName, level,
        f.Received, f.ReceivedOnline, f.ReceivedDirect, f.CarriedOver,
        f.Resolved, f.ResolvedEarly, f.ResolvedOnTime, f.ResolvedLate,
        f.InProgress, f.InProgressOnTime, f.InProgressOverdue,
        f.WithdrawnOrStopped, f.OnTime766, f.OnTimeRate, f.Indicator766, f.Points766);
}

public sealed record MonthlyReportResponse(string Month, string UnitCode, string UnitName, IReadOnlyList<ReportRowResponse> Rows)
{
    public static MonthlyReportResponse Of(MonthlyReport report) =>
        new(report.Month.ToString(), report.UnitCode, report.UnitName, report.Rows.Select(ReportRowResponse.Of).ToList());
}

public sealed record TrendMonthResponse(
    string Month,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTimeRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Indicator766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Points766,
    int OnTime766, int Received, int Resolved, int ResolvedLate, int InProgressOverdue);

public sealed record TrendResponse(string UnitCode, string From, string To, IReadOnlyList<TrendMonthResponse> Months);
