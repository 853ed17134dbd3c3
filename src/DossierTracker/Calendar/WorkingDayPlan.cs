namespace DossierTracker.Calendar;

/// <summary>
/// Whether each day of one Gregorian year is a working day, resolved once so that scanning day by day
/// costs an array read instead of several set lookups, and how many working days precede each day, so that
/// counting them over a range costs two reads.
/// </summary>
internal sealed class WorkingDayPlan
{
    private readonly bool[] _working;

    // _workingBefore[i]: working days among the year's first i days; one more entry than days, for the year's end.
    private readonly int[] _workingBefore;

    private WorkingDayPlan(int year, bool[] working)
    {
        Year = year;
        _working = working;
        _workingBefore = new int[working.Length + 1];
        for (var i = 0; i < working.Length; i++)
        {
            _workingBefore[i + 1] = _workingBefore[i] + (working[i] ? 1 : 0);
        }
    }

    public int Year { get; }

    public bool IsWorkingDay(DateOnly date) => _working[date.DayOfYear - 1];

    /// <summary>Working days of this year before <paramref name="date"/>; a date of a later year counts the whole year.</summary>
    public int WorkingDaysBefore(DateOnly date) =>
        date.Year > Year ? _workingBefore[^1] : date.Year < Year ? 0 : _workingBefore[date.DayOfYear - 1];

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
