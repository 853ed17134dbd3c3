using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class StatutoryHolidaysTests
{
    private static DateOnly[] Dates(params string[] isoDates) => isoDates.Select(Local.Date).ToArray();

    [Fact]
    public void statutory_days_of_2027_follow_article_112() =>
        Assert.Equal(
            Dates(
                "2027-01-01",
                "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                "2027-04-16",
                "2027-04-30", "2027-05-01",
                "2027-09-01", "2027-09-02"),
            StatutoryHolidays.StatutoryDays(2027));

    [Fact]
    public void tet_holidays_are_the_eve_and_the_first_four_days_of_the_lunar_year()
    {
        var tet = VietnameseLunarCalendar.NewYear(2031);

        var tetDays = StatutoryHolidays.StatutoryDays(2031).Where(day => Math.Abs(day.DayNumber - tet.DayNumber) <= 5);

        Assert.Equal(Enumerable.Range(-1, 5).Select(tet.AddDays), tetDays);
    }

    [Fact]
    public void national_day_is_paired_with_3_september_when_1_september_is_a_weekend_day() =>
        Assert.Equal(
            Dates("2029-09-02", "2029-09-03"),
            StatutoryHolidays.StatutoryDays(2029).Where(day => day.Month == 9));

    [Fact]
    public void holidays_on_a_weekend_are_compensated_on_the_next_free_weekday()
    {
        var computed = StatutoryHolidays.Compute(2027);

        // Tết Saturday 6/2 and Sunday 7/2 move past the Tết weekdays to 10/2 and 11/2; Saturday 1/5 moves to Monday 3/5.
        Assert.Equal(
            Dates(
                "2027-01-01",
                "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
                "2027-04-16",
                "2027-04-30", "2027-05-01", "2027-05-03",
                "2027-09-01", "2027-09-02"),
            computed.DaysOff.Order());
    }

    [Fact]
    public void a_sunday_national_day_is_compensated_after_its_monday_companion() =>
        Assert.Equal(
            Dates("2029-09-02", "2029-09-03", "2029-09-04"),
            StatutoryHolidays.Compute(2029).DaysOff.Where(day => day.Month == 9).Order());

    [Fact]
    public void computed_years_have_no_swapped_saturdays_and_say_they_are_computed()
    {
        var computed = StatutoryHolidays.Compute(2030);

        Assert.Equal((CalendarYearSource.Computed, 0), (computed.Source, computed.WorkingWeekendDays.Count));
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2026)]
    public void computed_days_off_lie_inside_the_official_breaks_in_years_without_moved_tet_days(int year)
    {
        OfficialHolidayTables.TryGet(year, out var official);

        Assert.Empty(StatutoryHolidays.Compute(year).DaysOff.Except(official.DaysOff));
    }
}
