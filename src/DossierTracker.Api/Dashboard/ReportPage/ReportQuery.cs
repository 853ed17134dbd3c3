using System.Globalization;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>What is wrong with a parameter of the report page; the page words it in the reader's language.</summary>
public enum ReportQueryProblem
{
    Year,
    Number,
    Date,
    FromAfterTo,
    SpanTooLong,
    Period,
    Cutoff,
    Rows,
    Compare,
    NotBegun,
}

/// <summary>A parameter's problem, named by the form field that shows it.</summary>
public sealed record ReportQueryError(string Field, ReportQueryProblem Problem);

/// <summary>
/// The report the page shows, in the parameters of <c>GET /api/reports/form06</c>: <c>period</c> (or <c>from</c>
/// and <c>to</c>), <c>cutoff</c>, <c>rows</c>, <c>compare</c>, with the same spelling, so a page address and an API
/// call name the same report. The picker's own fields (<c>kind</c>, <c>year</c>, ...) are read here too and turned
/// into these.
/// </summary>
public sealed record ReportQuery(ReportPeriod Period, ReportRowsBy Rows, ReportComparison Compare)
{
    /// <summary>The API's parameters for this report, defaults left out.</summary>
    public IEnumerable<(string Name, string? Value)> Parameters() =>
        PeriodParameters(Period).Concat(
        [
            ("rows", Rows == ReportRowsBy.Unit ? null : WireNames.Of(Rows)),
            ("compare", Compare == ReportComparison.None ? null : WireNames.Of(Compare)),
        ]);

    /// <summary>A named period as <c>period</c> and its cut-off; a span as <c>from</c> and <c>to</c> (the cut-off does not apply).</summary>
    public static IEnumerable<(string Name, string? Value)> PeriodParameters(ReportPeriod period) =>
        period.Kind == ReportPeriodKind.Span
            ? [("from", Iso(period.From)), ("to", Iso(period.To))]
            : [("period", period.ToString()), ("cutoff", period.Cutoff == PeriodCutoff.Official ? WireNames.Of(period.Cutoff) : null)];

    /// <summary>
    /// Reads the page's parameters. <paramref name="picker"/> is what the form shows: the fields as typed when they
    /// have errors, else the period read. Without any period the page shows the current calendar month (or the
    /// official month of that name).
    /// </summary>
    public static ReportQuery? Read(IQueryCollection query, DateOnly today, List<ReportQueryError> errors, out PeriodPicker picker)
    {
        var cutoff = Choice(query, "cutoff", PeriodCutoff.Calendar, ReportQueryProblem.Cutoff, errors);
        var rows = Choice(query, "rows", ReportRowsBy.Unit, ReportQueryProblem.Rows, errors);
        var compare = Choice(query, "compare", ReportComparison.None, ReportQueryProblem.Compare, errors);

        var typed = PickerFields(query);
        ReportPeriod? period;
        if (query.ContainsKey("kind"))
        {
            period = typed.Read(cutoff, errors);
        }
        else if (!string.IsNullOrEmpty(query["period"]))
        {
            period = query.ContainsKey("from") || query.ContainsKey("to") || !ReportPeriodParser.TryParse(query["period"], null, null, WireNames.Of(cutoff), out var named, out _)
                ? null
                : named;
            if (period is null) errors.Add(new("kind", ReportQueryProblem.Period));
        }
        else if (query.ContainsKey("from") || query.ContainsKey("to"))
        {
            typed = typed with { Kind = PeriodPicker.CustomKind };
            period = typed.Read(cutoff, errors);
        }
        else
        {
            period = ReportPeriod.Month(today.Year, today.Month, cutoff);
        }

        picker = period is not null ? PeriodPicker.Showing(period) : typed;
        return errors.Count == 0 && period is not null ? new ReportQuery(period, rows, compare) : null;
    }

    private static PeriodPicker PickerFields(IQueryCollection query) => new(
        query["kind"].ToString() is { Length: > 0 } kind ? kind : PeriodPicker.MonthKind,
        query["year"], query["month"], query["quarter"], query["half"], query["from"], query["to"]);

    private static TEnum Choice<TEnum>(IQueryCollection query, string name, TEnum fallback, ReportQueryProblem problem, List<ReportQueryError> errors)
        where TEnum : struct, Enum
    {
        var text = query[name].ToString();
        if (text.Length == 0) return fallback;
        if (WireNames.TryParse(text, out TEnum value)) return value;
        errors.Add(new(name, problem));
        return fallback;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
