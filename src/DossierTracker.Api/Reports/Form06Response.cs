using System.Text.Json.Serialization;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Reports;

/// <summary>A report period on the wire: inclusive local dates, the cut-off as asked, what kind of period, and its name.</summary>
/// <param name="Name">As a <c>period</c> parameter would give it (<c>2025-Q1</c>); absent for a span of dates.</param>
public sealed record ReportPeriodResponse(string From, string To, PeriodCutoff Cutoff, ReportPeriodKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name)
{
    public static ReportPeriodResponse Of(ReportPeriod period) =>
        new($"{period.From:yyyy-MM-dd}", $"{period.To:yyyy-MM-dd}", period.Cutoff, period.Kind,
            period.Kind == ReportPeriodKind.Span ? null : period.ToString());
}

/// <summary>
/// Form 06 over any period on the wire (contract version 2): the period, whether it is provisional (still running,
/// counted up to <c>asOf</c>), the compared period when asked, and the rows.
/// </summary>
public sealed record Form06Response(
    string UnitCode,
    string UnitName,
    ReportPeriodResponse Period,
    bool Provisional,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AsOf,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReportPeriodResponse? PreviousPeriod,
    ReportRowsBy RowsBy,
    IReadOnlyList<Form06RowResponse> Rows)
{
    public static Form06Response Of(Form06Report report) => new(
        report.UnitCode, report.UnitName, ReportPeriodResponse.Of(report.Period), report.Provisional, report.AsOf,
        report.ComparedWith is { } compared ? ReportPeriodResponse.Of(compared) : null,
        report.RowsBy,
        report.Rows.Select(r => Form06RowResponse.Of(r, report.RowsBy)).ToList());
}
