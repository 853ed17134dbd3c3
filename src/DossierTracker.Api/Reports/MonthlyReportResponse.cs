using System.Text.Json.Serialization;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>
/// The monthly report on the wire, as in contract version 1 (<c>month</c>, unit rows), plus <c>provisional</c> and
/// <c>asOf</c> for a month still running.
/// </summary>
public sealed record MonthlyReportResponse(
    string Month, string UnitCode, string UnitName, bool Provisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf,
    IReadOnlyList<UnitRowResponse> Rows)
{
    public static MonthlyReportResponse Of(Form06Report report) =>
        new($"{report.Period.From:yyyy-MM}", report.UnitCode, report.UnitName, report.Provisional, report.AsOf,
            report.Rows.Select(r => new UnitRowResponse(r)).ToList());
}

public sealed record TrendMonthResponse(
    string Month,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? OnTimeRate,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Indicator766,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Points766,
    int OnTime766, int Received, int Resolved, int ResolvedLate, int InProgressOverdue)
{
    public static TrendMonthResponse Of(TrendPoint point)
    {
        var f = point.Figures;
        return new(point.Month.ToString(), f.OnTimeRate, f.Indicator766, f.Points766, f.OnTime766, f.Received, f.Resolved, f.ResolvedLate, f.InProgressOverdue);
    }
}

/// <summary>The trend on the wire; <c>provisional</c> and <c>asOf</c> say that its last month is still running.</summary>
public sealed record TrendResponse(string UnitCode, string From, string To, bool Provisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf,
    IReadOnlyList<TrendMonthResponse> Months);
