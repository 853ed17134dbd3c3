using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>
/// The cut-off, rows and comparison as the report form's controls show them, by their wire names: what was asked
/// when it is valid, else the default (an invalid value is named in the page's errors instead).
/// </summary>
public sealed record ReportChoices(PeriodCutoff Cutoff, ReportRowsBy Rows, ReportComparison Compare)
{
    public static ReportChoices Of(IQueryCollection query) => new(
        Valid(query["cutoff"], PeriodCutoff.Calendar),
        Valid(query["rows"], ReportRowsBy.Unit),
        Valid(query["compare"], ReportComparison.None));

    private static TEnum Valid<TEnum>(string? text, TEnum fallback) where TEnum : struct, Enum =>
        WireNames.TryParse(text, out TEnum value) ? value : fallback;
}
