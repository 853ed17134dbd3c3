using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class SupportedYearsTests
{
    [Theory]
    [InlineData("1990-01-01T00:00:00+07:00", true), InlineData("1989-12-31T17:00:00Z", true), InlineData("1989-12-31T16:59:59Z", false),
     InlineData("2100-12-31T23:59:59+07:00", true), InlineData("2100-12-31T17:00:00Z", false), InlineData("0001-01-01T00:00:00Z", false),
     InlineData("9999-12-31T23:59:59Z", false), InlineData("1899-12-31T09:00:00+07:00", false)]
    public void instants_are_judged_by_their_vietnamese_local_date(string instant, bool supported) =>
        Assert.Equal(supported, SupportedYears.Contains(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void the_working_calendar_answers_across_the_supported_years()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, new HolidayCalendar());
        var first = VietnamTime.At(new DateOnly(SupportedYears.First, 1, 1), TimeOnly.MinValue);
        var last = VietnamTime.At(new DateOnly(SupportedYears.Last, 12, 31), new TimeOnly(23, 59));

        var between = calendar.WorkingTimeBetween(first, last);

        Assert.True(calendar.AddWorkingTime(first, between) > last.AddDays(-7));
    }

    [Theory]
    [InlineData(1), InlineData(1899), InlineData(2200), InlineData(9999)]
    public void a_year_without_a_table_or_a_lunar_calendar_is_refused_with_a_calendar_exception(int year)
    {
        var exception = Assert.Throws<CalendarRangeException>(() => new HolidayCalendar().IsWorkingDay(new DateOnly(year, 6, 1)));

        Assert.Equal(year, exception.Year);
    }

    [Fact]
    public void a_declared_year_outside_the_lunar_calendar_still_answers()
    {
        var calendar = new HolidayCalendar(new Dictionary<int, CalendarYear>
            { [2300] = new(2300, new HashSet<DateOnly> { new(2300, 1, 1) }, new HashSet<DateOnly>(), CalendarYearSource.Operator) });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2300, 1, 1)));
    }
}
