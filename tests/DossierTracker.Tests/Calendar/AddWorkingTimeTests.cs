using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class AddWorkingTimeTests
{
    private readonly WorkingCalendar _calendar = Local.DefaultCalendar();

    [Theory]
    [InlineData("2026-03-09 07:00", 60, "2026-03-09 08:00")]
    [InlineData("2026-03-09 07:00", 270, "2026-03-09 11:30")] // runs out at the end of the morning: stays there
    [InlineData("2026-03-09 07:00", 271, "2026-03-09 13:31")]
    [InlineData("2026-03-09 11:00", 60, "2026-03-09 14:00")]  // across lunch
    [InlineData("2026-03-09 07:00", 480, "2026-03-09 17:00")] // a whole day ends at 17:00, not the next 07:00
    [InlineData("2026-03-09 07:00", 481, "2026-03-10 07:01")]
    [InlineData("2026-03-09 16:00", 120, "2026-03-10 08:00")] // across the night
    [InlineData("2026-03-06 16:00", 120, "2026-03-09 08:00")] // across the weekend
    [InlineData("2026-03-07 10:00", 60, "2026-03-09 08:00")]  // starts on Saturday: normalised first
    [InlineData("2026-02-13 09:00", 960, "2026-02-24 09:00")] // across Tết
    [InlineData("2026-01-09 16:00", 120, "2026-01-10 08:00")] // onto a swapped working Saturday
    [InlineData("2022-12-30 16:00", 120, "2023-01-03 08:00")] // across the 2022–2023 New Year break
    public void adds_working_minutes_period_by_period(string start, int minutes, string expected) =>
        Assert.Equal(Local.Time(expected), _calendar.AddWorkingTime(Local.Time(start), TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void zero_amount_returns_the_start_even_outside_office_hours() =>
        Assert.Equal(Local.Time("2026-03-07 21:00"), _calendar.AddWorkingTime(Local.Time("2026-03-07 21:00"), TimeSpan.Zero));

    [Fact]
    public void negative_amount_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingTime(Local.Time("2026-03-09 07:00"), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void start_given_in_utc_gives_the_same_instant_shown_at_plus_seven()
    {
        var result = _calendar.AddWorkingTime(Local.Instant("2026-03-09T04:00:00Z"), TimeSpan.FromHours(1));

        Assert.Equal((Local.Time("2026-03-09 14:00"), VietnamTime.Offset), (result, result.Offset));
    }

    [Fact]
    public void configured_office_hours_are_used()
    {
        var calendar = new WorkingCalendar(
            new OfficeHours([new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0))]),
            new HolidayCalendar());

        Assert.Equal(Local.Time("2026-03-10 09:00"), calendar.AddWorkingTime(Local.Time("2026-03-09 11:00"), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void a_calendar_without_working_days_for_ten_years_fails_instead_of_looping()
    {
        var overrides = Enumerable.Range(2040, 12).ToDictionary(
            year => year,
            year => new CalendarYear(
                year,
                Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(new DateOnly(year, 1, 1).AddDays).ToHashSet(),
                new HashSet<DateOnly>(),
                CalendarYearSource.Operator));
        var calendar = new WorkingCalendar(OfficeHours.Default, new HolidayCalendar(overrides));

        Assert.Throws<InvalidOperationException>(() => calendar.AddWorkingTime(Local.Time("2040-01-02 10:00"), TimeSpan.FromHours(1)));
    }
}
