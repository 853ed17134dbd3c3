namespace DossierTracker.Calendar;

/// <summary>
/// Public holidays by the Labour Code 2019, Art. 112, for years without an official table.
/// The government fixes each year's actual days off by decision (adding bridge days and swapped Saturdays),
/// so <see cref="Compute"/> is an approximation that operators can override.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>
    /// The holidays themselves: 1/1; Tết as the last day of the lunar year and lunar 1/1–4/1; Hùng Kings on lunar 10/3;
    /// 30/4; 1/5; 2/9 with 1/9, or with 3/9 when 1/9 is a weekend day (the law says "one adjacent day"; the day
    /// before is the usual choice, the day after keeps the pair from collapsing into a weekend).
    /// </summary>
    public static IReadOnlyList<DateOnly> StatutoryDays(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var nationalDayEve = new DateOnly(year, 9, 1);
        var nationalDayCompanion = CalendarYear.IsWeekend(nationalDayEve) ? new DateOnly(year, 9, 3) : nationalDayEve;

        DateOnly[] days =
        [
            new DateOnly(year, 1, 1),
            tet.AddDays(-1),
            tet,
            tet.AddDays(1),
            tet.AddDays(2),
            tet.AddDays(3),
            VietnameseLunarCalendar.ToSolar(year, 3, 10),
            new DateOnly(year, 4, 30),
            new DateOnly(year, 5, 1),
            new DateOnly(year, 9, 2),
            nationalDayCompanion,
        ];
        return days.Distinct().Order().ToArray();
    }

    /// <summary>
    /// The statutory days plus compensation: each statutory day on a Saturday or Sunday gives a day off on the next
    /// weekday that is neither a statutory day nor already a compensatory day (Labour Code 2019, Art. 111(3)).
    /// </summary>
    public static CalendarYear Compute(int year)
    {
        var statutory = StatutoryDays(year);
        var daysOff = statutory.ToHashSet();
        foreach (var day in statutory.Where(CalendarYear.IsWeekend))
        {
            var compensation = day.AddDays(1);
            while (CalendarYear.IsWeekend(compensation) || daysOff.Contains(compensation))
            {
                compensation = compensation.AddDays(1);
            }

            daysOff.Add(compensation);
        }

        return new CalendarYear(year, daysOff, new HashSet<DateOnly>(), CalendarYearSource.Computed);
    }
}
