using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DossierTracker.Reporting;

/// <summary>A query parameter that does not make a period, and why; the host turns these into a 400's <c>errors</c>.</summary>
public sealed record PeriodError(string Field, string Message);

/// <summary>
/// Reads a report period from the query parameters of contract version 2: <c>period</c> = <c>YYYY-MM</c>,
/// <c>YYYY-Qn</c>, <c>YYYY-Hn</c> or <c>YYYY</c>, or instead <c>from</c> and <c>to</c> (inclusive local dates
/// <c>YYYY-MM-DD</c>, at most 366 days), with <c>cutoff</c> = <c>calendar</c> (default) or <c>official</c>.
/// </summary>
public static class ReportPeriodParser
{
    private const string NamedForms = "YYYY-MM, YYYY-Qn (n = 1–4), YYYY-Hn (n = 1–2) or YYYY";

    public static bool TryParse(string? period, string? from, string? to, string? cutoff,
        [NotNullWhen(true)] out ReportPeriod? result, out IReadOnlyList<PeriodError> errors)
    {
        var found = new List<PeriodError>();
        errors = found;
        result = null;

        var cut = Cutoff(cutoff, found);
        var hasPeriod = !string.IsNullOrEmpty(period);
        var hasSpan = !string.IsNullOrEmpty(from) || !string.IsNullOrEmpty(to);
        if (hasPeriod && hasSpan)
            found.Add(new("period", "Give either period or from and to, not both."));
        else if (hasPeriod)
            result = Named(period!, cut, found);
        else if (hasSpan)
            result = Span(from, to, cut, found);
        else
            found.Add(new("period", $"A period is required: period={NamedForms}, or from and to (YYYY-MM-DD)."));

        if (found.Count > 0) result = null;
        return result is not null;
    }

    private static PeriodCutoff Cutoff(string? text, List<PeriodError> errors)
    {
        switch (text)
        {
            case null or "" or "calendar": return PeriodCutoff.Calendar;
            case "official": return PeriodCutoff.Official;
            default:
                errors.Add(new("cutoff", "cutoff must be calendar or official."));
                return PeriodCutoff.Calendar;
        }
    }

    private static ReportPeriod? Named(string text, PeriodCutoff cutoff, List<PeriodError> errors)
    {
        var period = text.Length >= 4 && Year(text.AsSpan(0, 4)) is { } year
            ? text.Length switch
            {
                4 => ReportPeriod.WholeYear(year, cutoff),
                7 when text[4] == '-' && text[5] == 'Q' && Digit(text[6]) is >= 1 and <= 4 => ReportPeriod.Quarter(year, text[6] - '0', cutoff),
                7 when text[4] == '-' && text[5] == 'H' && Digit(text[6]) is >= 1 and <= 2 => ReportPeriod.HalfYear(year, text[6] - '0', cutoff),
                7 when text[4] == '-' && ReportMonth.TryParse(text, out var month) => ReportPeriod.Month(month.Year, month.Month, cutoff),
                _ => null,
            }
            : null;
        if (period is null)
            errors.Add(new("period", $"period must be {NamedForms}, with a year from {ReportMonth.FirstYear} to {ReportMonth.LastYear}; got '{text}'."));
        return period;
    }

    private static ReportPeriod? Span(string? fromText, string? toText, PeriodCutoff cutoff, List<PeriodError> errors)
    {
        var from = Date("from", fromText, errors);
        var to = Date("to", toText, errors);
        if (from is not { } first || to is not { } last) return null;

        if (first > last)
        {
            errors.Add(new("from", $"from ({first:yyyy-MM-dd}) must not be after to ({last:yyyy-MM-dd})."));
            return null;
        }
        var days = last.DayNumber - first.DayNumber + 1;
        if (days > ReportPeriod.MaxSpanDays)
        {
            errors.Add(new("to", $"A span covers at most {ReportPeriod.MaxSpanDays} days; {first:yyyy-MM-dd} to {last:yyyy-MM-dd} covers {days}."));
            return null;
        }
        return ReportPeriod.Span(first, last, cutoff);
    }

    private static DateOnly? Date(string name, string? text, List<PeriodError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(new(name, $"{name} is required with {(name == "from" ? "to" : "from")}."));
            return null;
        }
        if (text.Length == 10 && text.All(c => char.IsAsciiDigit(c) || c == '-')
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= ReportMonth.FirstYear and <= ReportMonth.LastYear)
            return date;

        errors.Add(new(name, $"{name} must be a date YYYY-MM-DD from {ReportMonth.FirstYear}-01-01 to {ReportMonth.LastYear}-12-31; got '{text}'."));
        return null;
    }

    private static int? Year(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return null;
        }
        var year = int.Parse(text, CultureInfo.InvariantCulture);
        return year is >= ReportMonth.FirstYear and <= ReportMonth.LastYear ? year : null;
    }

    private static int Digit(char c) => char.IsAsciiDigit(c) ? c - '0' : -1;
}
