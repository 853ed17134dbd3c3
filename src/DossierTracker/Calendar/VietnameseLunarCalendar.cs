namespace DossierTracker.Calendar;

/// <summary>
/// The Vietnamese lunar calendar, computed astronomically for UTC+7. It is deliberately not
/// <c>System.Globalization.ChineseLunisolarCalendar</c>: that one is computed for UTC+8 and gives
/// another Tết in some years (1985, 2007, 2030). Dates before 1968, when the North still used UTC+8,
/// follow today's rule rather than the calendar printed then.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    public static DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    public static DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);

        // Months 11 and 12 of a lunar year come after the solstice of its own December.
        var span = LunarSolsticeSpan.For(lunarMonth >= 11 ? lunarYear + 1 : lunarYear);
        foreach (var month in span.Months)
        {
            if (month.LunarYear == lunarYear && month.Number == lunarMonth && month.IsLeap == leapMonth)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, month.Length);
                return JulianDay.ToDate(month.FirstDay + lunarDay - 1);
            }
        }

        throw new ArgumentException($"Lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leapMonth));
    }

    public static LunarDate FromSolar(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, MinYear, nameof(date));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Year, MaxYear, nameof(date));

        var day = JulianDay.FromDate(date);
        var span = LunarSolsticeSpan.For(date.Year);
        if (day >= span.EndDay)
        {
            span = LunarSolsticeSpan.For(date.Year + 1);
        }

        for (var i = span.Months.Count - 1; i >= 0; i--)
        {
            var month = span.Months[i];
            if (month.FirstDay <= day)
            {
                return new LunarDate(month.LunarYear, month.Number, day - month.FirstDay + 1, month.IsLeap);
            }
        }

        throw new InvalidOperationException($"{date:yyyy-MM-dd} precedes the lunar span it was looked up in.");
    }

    /// <summary>The leap month of a lunar year, or null when the year has twelve months.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, MaxYear);

        var months = LunarSolsticeSpan.For(lunarYear).Months.Concat(LunarSolsticeSpan.For(lunarYear + 1).Months);
        return months.Where(month => month.IsLeap && month.LunarYear == lunarYear)
            .Select(month => (int?)month.Number)
            .FirstOrDefault();
    }
}
