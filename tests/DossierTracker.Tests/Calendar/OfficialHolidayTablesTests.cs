using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class OfficialHolidayTablesTests
{
    private static CalendarYear Table(int year) =>
        OfficialHolidayTables.TryGet(year, out var table) ? table : throw new InvalidOperationException($"No table for {year}.");

    private static IEnumerable<DateOnly> Span(string first, string last)
    {
        for (var day = Local.Date(first); day <= Local.Date(last); day = day.AddDays(1))
        {
            yield return day;
        }
    }

    [Fact]
    public void tables_ship_for_2022_to_2026() =>
        Assert.Equal([2022, 2023, 2024, 2025, 2026], OfficialHolidayTables.Years);

    [Fact]
    public void years_without_a_table_are_not_found() =>
        Assert.False(OfficialHolidayTables.TryGet(2027, out _));

    [Fact]
    public void tables_are_marked_as_official() =>
        Assert.All(OfficialHolidayTables.Years, year => Assert.Equal(CalendarYearSource.OfficialTable, Table(year).Source));

    [Fact]
    public void days_off_of_2026_are_the_five_government_breaks()
    {
        var expected = Span("2026-01-01", "2026-01-04")
            .Concat(Span("2026-02-14", "2026-02-22"))
            .Concat(Span("2026-04-26", "2026-04-27"))
            .Concat(Span("2026-04-30", "2026-05-03"))
            .Concat(Span("2026-08-29", "2026-09-02"));

        Assert.Equal(expected.Order(), Table(2026).DaysOff.Order());
    }

    [Fact]
    public void working_saturdays_of_2026_are_10_january_and_22_august() =>
        Assert.Equal([Local.Date("2026-01-10"), Local.Date("2026-08-22")], Table(2026).WorkingWeekendDays.Order());

    [Fact]
    public void a_single_day_entry_is_one_day_off() =>
        Assert.Equal(
            [Local.Date("2024-01-01"), Local.Date("2024-04-18")],
            Table(2024).DaysOff.Where(day => day.Month is 1 or 4 && day.Day is 1 or 18).Order());

    [Theory]
    [InlineData(2022, 22)]
    [InlineData(2023, 19)]
    [InlineData(2024, 18)]
    [InlineData(2025, 22)]
    [InlineData(2026, 24)]
    public void each_table_has_the_number_of_days_off_in_its_ranges(int year, int days) =>
        Assert.Equal(days, Table(year).DaysOff.Count);

    [Fact]
    public void the_2023_new_year_break_starts_on_31_december_2022() =>
        Assert.Contains(Local.Date("2022-12-31"), Table(2023).DaysOff);

    [Fact]
    public void unconfirmed_spans_are_2022_tet_and_2026_labour_day()
    {
        var unconfirmed = OfficialHolidayTables.Years.SelectMany(OfficialHolidayTables.UnconfirmedDaysOff).Order();

        Assert.Equal(Span("2022-01-29", "2022-02-06").Concat(Span("2026-04-30", "2026-05-03")), unconfirmed);
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void every_statutory_holiday_is_an_official_day_off(int year) =>
        Assert.Empty(StatutoryHolidays.StatutoryDays(year).Except(Table(year).DaysOff));
}
