using System.Globalization;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.ReportPage;

/// <summary>
/// The report page's period picker, as typed: the kind of period (<c>kind</c>), the year and the month, quarter or
/// half of a named period, or the <c>from</c>/<c>to</c> dates of a custom span. Dates are shown and typed as
/// dd/mm/yyyy whatever the browser's locale (a date input would follow it); the API's YYYY-MM-DD is read too, so the
/// page takes the API's own query string. The picker only composes a <see cref="ReportPeriod"/>: the page then
/// redirects to the API's parameters (<c>period</c> or <c>from</c>/<c>to</c>), so addresses read like API calls.
/// </summary>
public sealed record PeriodPicker(string Kind, string? Year, string? Month, string? Quarter, string? Half, string? From, string? To)
{
    public const string MonthKind = "month", QuarterKind = "quarter", HalfKind = "half", YearKind = "year", CustomKind = "custom";
    public static readonly IReadOnlyList<string> Kinds = [MonthKind, QuarterKind, HalfKind, YearKind, CustomKind];

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    /// <summary>The fields that show <paramref name="period"/>; the selects of the other kinds show the ones containing its start.</summary>
    public static PeriodPicker Showing(ReportPeriod period)
    {
        // An official period's first day lies in the month before: its own month is the one it ends in.
        var month = period.Kind == ReportPeriodKind.Span ? period.From.Month : period.To.Month;
        var year = period.Kind == ReportPeriodKind.Span ? period.From.Year : period.Year;
        return new PeriodPicker(
            period.Kind switch
            {
                ReportPeriodKind.Month => MonthKind,
                ReportPeriodKind.Quarter => QuarterKind,
                ReportPeriodKind.HalfYear => HalfKind,
                ReportPeriodKind.Year => YearKind,
                _ => CustomKind,
            },
            Number(year),
            Number(period.Kind == ReportPeriodKind.Month ? period.Number : month),
            Number(period.Kind == ReportPeriodKind.Quarter ? period.Number : ((month - 1) / 3) + 1),
            Number(period.Kind == ReportPeriodKind.HalfYear ? period.Number : ((month - 1) / 6) + 1),
            ShownDate(period.From),
            ShownDate(period.To));
    }

    public static string ShownDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The period the fields name, or the errors that keep them from naming one (none when a period is returned).</summary>
    public ReportPeriod? Read(PeriodCutoff cutoff, List<ReportQueryError> errors)
    {
        if (Kind == CustomKind) return Span(errors);
        if (!Kinds.Contains(Kind))
        {
            errors.Add(new("kind", ReportQueryProblem.Period));
            return null;
        }

        var year = Whole("year", Year, ReportMonth.FirstYear, ReportMonth.LastYear, ReportQueryProblem.Year, errors);
        var number = Kind switch
        {
            MonthKind => Whole("month", Month, 1, 12, ReportQueryProblem.Number, errors),
            QuarterKind => Whole("quarter", Quarter, 1, 4, ReportQueryProblem.Number, errors),
            HalfKind => Whole("half", Half, 1, 2, ReportQueryProblem.Number, errors),
            _ => 0,
        };
        if (year is not { } y || number is not { } n) return null;
        return Kind switch
        {
            MonthKind => ReportPeriod.Month(y, n, cutoff),
            QuarterKind => ReportPeriod.Quarter(y, n, cutoff),
            HalfKind => ReportPeriod.HalfYear(y, n, cutoff),
            _ => ReportPeriod.WholeYear(y, cutoff),
        };
    }

    private ReportPeriod? Span(List<ReportQueryError> errors)
    {
        var from = Date("from", From, errors);
        var to = Date("to", To, errors);
        if (from is not { } first || to is not { } last) return null;
        if (first > last)
        {
            errors.Add(new("from", ReportQueryProblem.FromAfterTo));
            return null;
        }
        if (last.DayNumber - first.DayNumber + 1 > ReportPeriod.MaxSpanDays)
        {
            errors.Add(new("to", ReportQueryProblem.SpanTooLong));
            return null;
        }
        return ReportPeriod.Span(first, last);
    }

    private static DateOnly? Date(string field, string? text, List<ReportQueryError> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= ReportMonth.FirstYear and <= ReportMonth.LastYear)
            return date;
        errors.Add(new(field, ReportQueryProblem.Date));
        return null;
    }

    private static int? Whole(string field, string? text, int min, int max, ReportQueryProblem problem, List<ReportQueryError> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors.Add(new(field, problem));
        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
