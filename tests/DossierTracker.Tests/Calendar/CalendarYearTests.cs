using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class CalendarYearTests
{
    [Fact]
    public void a_weekday_cannot_be_a_swapped_working_weekend_day() =>
        Assert.Throws<ArgumentException>(() => new CalendarYear(
            2026, new HashSet<DateOnly>(), new HashSet<DateOnly> { Local.Date("2026-01-09") }, CalendarYearSource.Operator));

    [Fact]
    public void days_of_the_neighbouring_years_are_accepted()
    {
        var year = new CalendarYear(
            2023, new HashSet<DateOnly> { Local.Date("2022-12-31"), Local.Date("2024-01-01") }, new HashSet<DateOnly>(), CalendarYearSource.Operator);

        Assert.Equal(2, year.DaysOff.Count);
    }

    [Fact]
    public void days_two_years_away_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new CalendarYear(
            2026, new HashSet<DateOnly> { Local.Date("2028-01-01") }, new HashSet<DateOnly>(), CalendarYearSource.Operator));

    [Fact]
    public void years_with_the_same_days_are_equal() =>
        Assert.Equal(
            new CalendarYear(2026, new HashSet<DateOnly> { Local.Date("2026-01-01") }, new HashSet<DateOnly>(), CalendarYearSource.Operator),
            new CalendarYear(2026, new SortedSet<DateOnly> { Local.Date("2026-01-01") }, new SortedSet<DateOnly>(), CalendarYearSource.Operator));

    [Fact]
    public void changing_the_callers_set_afterwards_does_not_change_the_year()
    {
        var daysOff = new HashSet<DateOnly> { Local.Date("2026-01-01") };
        var year = new CalendarYear(2026, daysOff, new HashSet<DateOnly>(), CalendarYearSource.Operator);

        daysOff.Add(Local.Date("2026-01-02"));

        Assert.Single(year.DaysOff);
    }
}
