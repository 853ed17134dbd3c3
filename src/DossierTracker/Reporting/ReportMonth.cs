using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DossierTracker.Calendar;

namespace DossierTracker.Reporting;

/// <summary>
/// A reporting month (contract: "Month parameters are YYYY-MM"). Months run from the 1st 00:00 to the next 1st 00:00
/// local time, end excluded. The bounds keep parsing strict and every instant computable.
/// </summary>
public readonly record struct ReportMonth : IComparable<ReportMonth>, IParsable<ReportMonth>
{
    public const int FirstYear = SupportedYears.First;
    public const int LastYear = SupportedYears.Last;

    public ReportMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>The 1st of the month, 00:00 in Vietnam.</summary>
    public DateTimeOffset Start => VietnamTime.At(FirstDay, TimeOnly.MinValue);

    /// <summary>The 1st of the next month, 00:00 in Vietnam: the first instant not in this month.</summary>
    public DateTimeOffset End => VietnamTime.At(FirstDay.AddMonths(1), TimeOnly.MinValue);

    public ReportMonth Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public ReportMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included; none when from is after to.</summary>
    public static IEnumerable<ReportMonth> Range(ReportMonth from, ReportMonth to)
    {
        if (from > to) yield break;
        for (var month = from; ; month = month.Next())
        {
            yield return month;
            if (month == to) yield break;
        }
    }

    public static ReportMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form YYYY-MM between {FirstYear}-01 and {LastYear}-12.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ReportMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!AllDigits(text.AsSpan(0, 4)) || !AllDigits(text.AsSpan(5, 2))) return false;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var monthNumber = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year is < FirstYear or > LastYear || monthNumber is < 1 or > 12) return false;
        month = new ReportMonth(year, monthNumber);
        return true;
    }

    // IParsable lets ASP.NET bind a `month=YYYY-MM` query parameter straight to this type.
    static ReportMonth IParsable<ReportMonth>.Parse(string s, IFormatProvider? provider) => Parse(s);
    static bool IParsable<ReportMonth>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportMonth result) => TryParse(s, out result);

    public int CompareTo(ReportMonth other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(ReportMonth left, ReportMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(ReportMonth left, ReportMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(ReportMonth left, ReportMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(ReportMonth left, ReportMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    // char.IsDigit would accept other scripts' digits; the contract's format is ASCII only.
    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }
}
