namespace DossierTracker.Calendar;

/// <summary>
/// Whether each day of one Gregorian year is a working day, resolved once so that scanning day by day
/// costs an array read instead of several set lookups.
/// </summary>
internal sealed class WorkingDayPlan
{
    private readonly bool[] _working;

    private WorkingDayPlan(int year, bool[] working)
    {
        Year = year;
        _working = working;
    }

    public int Year { get; }

    public bool IsWorkingDay(DateOnly date) => _working[date.DayOfYear - 1];

    /// <summary>
    /// <paramref name="own"/> is the year's calendar; <paramref name="neighbours"/> are the declared calendars of the
    /// adjacent years, whose decisions may reach across the new year (31/12/2022 was off by the 2023 decision).
    /// </summary>
    public static WorkingDayPlan Build(CalendarYear own, IEnumerable<CalendarYear> neighbours)
    {
        var year = own.Year;
        var first = new DateOnly(year, 1, 1);
        var working = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var i = 0; i < working.Length; i++)
        {
            working[i] = !CalendarYear.IsWeekend(first.AddDays(i));
        }

        foreach (var calendar in neighbours.Prepend(own))
        {
            foreach (var day in calendar.DaysOff.Where(day => day.Year == year))
            {
                working[day.DayOfYear - 1] = false;
            }
        }

        // A swapped Saturday is worked even if some decision also lists it as off: the swap is the more specific fact.
        foreach (var calendar in neighbours.Prepend(own))
        {
            foreach (var day in calendar.WorkingWeekendDays.Where(day => day.Year == year))
            {
                working[day.DayOfYear - 1] = true;
            }
        }

        return new WorkingDayPlan(year, working);
    }
}
