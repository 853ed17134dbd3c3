using DossierTracker.Calendar;

namespace DossierTracker.Reporting;

/// <summary>
/// The days a report covers, as inclusive local dates <see cref="From"/>–<see cref="To"/>: a named month, quarter,
/// half year or year under a <see cref="PeriodCutoff"/>, or any span of dates. The period runs from <see cref="From"/>
/// 00:00 to the day after <see cref="To"/> 00:00 in Vietnam, end excluded, as months do.
/// </summary>
public sealed record ReportPeriod
{
    /// <summary>The most days a span may cover: a leap year.</summary>
    public const int MaxSpanDays = 366;

    private ReportPeriod(ReportPeriodKind kind, int year, int number, PeriodCutoff cutoff, DateOnly from, DateOnly to)
    {
        Kind = kind;
        Year = year;
        Number = number;
        Cutoff = cutoff;
        From = from;
        To = to;
    }

    public ReportPeriodKind Kind { get; }
    /// <summary>The named period's year (an official period may begin in December of the year before); 0 for a span.</summary>
    public int Year { get; }
    /// <summary>The month (1–12), quarter (1–4) or half (1–2) within <see cref="Year"/>; 0 for a year or a span.</summary>
    public int Number { get; }
    /// <summary>As asked; a span ignores it (its dates are its dates) but keeps it to echo back.</summary>
    public PeriodCutoff Cutoff { get; }
    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary><see cref="From"/> 00:00 in Vietnam.</summary>
    public DateTimeOffset Start => VietnamTime.At(From, TimeOnly.MinValue);

    /// <summary>The day after <see cref="To"/>, 00:00 in Vietnam: the first instant not in the period.</summary>
    public DateTimeOffset End => VietnamTime.At(To.AddDays(1), TimeOnly.MinValue);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public static ReportPeriod Month(int year, int month, PeriodCutoff cutoff = PeriodCutoff.Calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Named(ReportPeriodKind.Month, year, month, cutoff, firstMonth: month, months: 1);
    }

    public static ReportPeriod Quarter(int year, int quarter, PeriodCutoff cutoff = PeriodCutoff.Calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return Named(ReportPeriodKind.Quarter, year, quarter, cutoff, firstMonth: (3 * quarter) - 2, months: 3);
    }

    public static ReportPeriod HalfYear(int year, int half, PeriodCutoff cutoff = PeriodCutoff.Calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return Named(ReportPeriodKind.HalfYear, year, half, cutoff, firstMonth: (6 * half) - 5, months: 6);
    }

    public static ReportPeriod WholeYear(int year, PeriodCutoff cutoff = PeriodCutoff.Calendar) =>
        Named(ReportPeriodKind.Year, year, 0, cutoff, firstMonth: 1, months: 12);

    /// <summary>Any span of inclusive local dates, at most <see cref="MaxSpanDays"/> days.</summary>
    public static ReportPeriod Span(DateOnly from, DateOnly to, PeriodCutoff cutoff = PeriodCutoff.Calendar)
    {
        if (from > to) throw new ArgumentException($"from {from:yyyy-MM-dd} is after to {to:yyyy-MM-dd}.", nameof(from));
        var days = to.DayNumber - from.DayNumber + 1;
        if (days > MaxSpanDays) throw new ArgumentException($"A span covers at most {MaxSpanDays} days, not {days}.", nameof(to));
        return new ReportPeriod(ReportPeriodKind.Span, 0, 0, cutoff, from, to);
    }

    /// <summary>
    /// The period of the same kind just before: the month, quarter, half or year before, under the same cut-off; for a
    /// span, as many days ending the day before it begins.
    /// </summary>
    public ReportPeriod Previous() => Kind switch
    {
        ReportPeriodKind.Month => Number == 1 ? Month(Year - 1, 12, Cutoff) : Month(Year, Number - 1, Cutoff),
        ReportPeriodKind.Quarter => Number == 1 ? Quarter(Year - 1, 4, Cutoff) : Quarter(Year, Number - 1, Cutoff),
        ReportPeriodKind.HalfYear => Number == 1 ? HalfYear(Year - 1, 2, Cutoff) : HalfYear(Year, Number - 1, Cutoff),
        ReportPeriodKind.Year => WholeYear(Year - 1, Cutoff),
        _ => Span(From.AddDays(-Days), From.AddDays(-1), Cutoff),
    };

    /// <summary>
    /// The same period a year earlier; for a span the same dates a year earlier, 29 February becoming 28 February.
    /// </summary>
    public ReportPeriod LastYear() => Kind switch
    {
        ReportPeriodKind.Month => Month(Year - 1, Number, Cutoff),
        ReportPeriodKind.Quarter => Quarter(Year - 1, Number, Cutoff),
        ReportPeriodKind.HalfYear => HalfYear(Year - 1, Number, Cutoff),
        ReportPeriodKind.Year => WholeYear(Year - 1, Cutoff),
        _ => Span(From.AddYears(-1), To.AddYears(-1), Cutoff),
    };

    /// <summary>The period as asked: <c>2025-01</c>, <c>2025-Q1</c>, <c>2025-H1</c>, <c>2025</c>, or <c>2025-01-01..2025-03-31</c> for a span.</summary>
    public override string ToString() => Kind switch
    {
        ReportPeriodKind.Month => $"{Year:D4}-{Number:D2}",
        ReportPeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        ReportPeriodKind.HalfYear => $"{Year:D4}-H{Number}",
        ReportPeriodKind.Year => $"{Year:D4}",
        _ => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}",
    };

    /// <summary>
    /// A named period covering <paramref name="months"/> calendar months from <paramref name="firstMonth"/> of
    /// <paramref name="year"/>; the official cut-off shifts it to the 15th of the month before through the 14th of its last month.
    /// </summary>
    private static ReportPeriod Named(ReportPeriodKind kind, int year, int number, PeriodCutoff cutoff, int firstMonth, int months)
    {
        var first = new DateOnly(year, firstMonth, 1);
        var last = first.AddMonths(months - 1);
        return cutoff == PeriodCutoff.Official
            ? new ReportPeriod(kind, year, number, cutoff, new DateOnly(first.AddMonths(-1).Year, first.AddMonths(-1).Month, 15), new DateOnly(last.Year, last.Month, 14))
            : new ReportPeriod(kind, year, number, cutoff, first, last.AddMonths(1).AddDays(-1));
    }
}
