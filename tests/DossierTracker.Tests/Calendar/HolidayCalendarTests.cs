using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class HolidayCalendarTests
{
    private static readonly HashSet<DateOnly> NoDays = [];

    private static CalendarYear OperatorYear(int year, params string[] daysOff) =>
        new(year, daysOff.Select(Local.Date).ToHashSet(), NoDays, CalendarYearSource.Operator);

    [Fact]
    public void years_with_a_table_come_from_the_table() =>
        Assert.Equal(CalendarYearSource.OfficialTable, new HolidayCalendar().For(2026).Source);

    [Fact]
    public void years_without_a_table_are_computed() =>
        Assert.Equal(StatutoryHolidays.Compute(2027), new HolidayCalendar().For(2027));

    [Fact]
    public void an_operator_override_wins_over_the_official_table()
    {
        var calendar = new HolidayCalendar(new Dictionary<int, CalendarYear> { [2026] = OperatorYear(2026, "2026-03-09") });

        Assert.Equal((CalendarYearSource.Operator, false, true),
            (calendar.For(2026).Source, calendar.IsWorkingDay(Local.Date("2026-03-09")), calendar.IsWorkingDay(Local.Date("2026-02-16"))));
    }

    [Fact]
    public void an_override_filed_under_another_year_is_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            new HolidayCalendar(new Dictionary<int, CalendarYear> { [2027] = OperatorYear(2026) }));

    [Fact]
    public void computed_years_are_cached()
    {
        var calendar = new HolidayCalendar();

        Assert.Same(calendar.For(2031), calendar.For(2031));
    }

    [Fact]
    public void concurrent_lookups_agree_on_one_calendar_per_year()
    {
        var calendar = new HolidayCalendar();
        var results = new CalendarYear[400];

        Parallel.For(0, results.Length, i => results[i] = calendar.For(2027 + i % 8));

        Assert.All(results.GroupBy(year => year.Year), group => Assert.All(group, year => Assert.Same(group.First(), year)));
    }

    [Theory]
    [InlineData("2026-03-09", true)]   // Monday
    [InlineData("2026-03-07", false)]  // Saturday
    [InlineData("2026-03-08", false)]  // Sunday
    [InlineData("2026-01-10", true)]   // swapped working Saturday
    [InlineData("2026-02-16", false)]  // Tết
    [InlineData("2026-01-02", false)]  // bridge day swapped with 10 January
    [InlineData("2024-05-04", true)]   // swapped working Saturday
    [InlineData("2027-02-08", false)]  // computed Tết, Monday
    [InlineData("2027-02-11", false)]  // computed compensation day
    [InlineData("2027-02-12", true)]   // first weekday after computed Tết
    public void working_days_are_weekdays_off_the_holiday_list_and_swapped_saturdays(string date, bool working) =>
        Assert.Equal(working, new HolidayCalendar().IsWorkingDay(Local.Date(date)));

    [Fact]
    public void the_2023_new_year_break_counts_on_its_2022_day_and_its_2023_weekday()
    {
        var calendar = new HolidayCalendar();

        Assert.Equal((false, false), (calendar.IsWorkingDay(Local.Date("2022-12-31")), calendar.IsWorkingDay(Local.Date("2023-01-02"))));
    }

    [Fact]
    public void a_day_off_declared_by_next_years_override_applies_to_the_last_day_of_this_year()
    {
        var calendar = new HolidayCalendar(new Dictionary<int, CalendarYear> { [2031] = OperatorYear(2031, "2030-12-31", "2031-01-01") });

        Assert.False(calendar.IsWorkingDay(Local.Date("2030-12-31")));
    }

    [Fact]
    public void without_that_override_the_last_day_of_2030_is_a_working_day() =>
        Assert.True(new HolidayCalendar().IsWorkingDay(Local.Date("2030-12-31")));

    [Fact]
    public void a_day_off_declared_by_last_years_override_applies_to_the_first_days_of_this_year()
    {
        var calendar = new HolidayCalendar(new Dictionary<int, CalendarYear> { [2029] = OperatorYear(2029, "2030-01-02") });

        Assert.False(calendar.IsWorkingDay(Local.Date("2030-01-02")));
    }
}
