using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class IsWorkingTimeTests
{
    private readonly WorkingCalendar _calendar = Local.DefaultCalendar();

    [Theory]
    [InlineData("2026-03-10 07:00", true)]  // period start is inclusive
    [InlineData("2026-03-10 11:29", true)]
    [InlineData("2026-03-10 11:30", false)] // period end is exclusive
    [InlineData("2026-03-10 13:29", false)]
    [InlineData("2026-03-10 13:30", true)]
    [InlineData("2026-03-10 17:00", false)]
    [InlineData("2026-03-10 06:59", false)]
    [InlineData("2026-03-07 09:00", false)] // Saturday
    [InlineData("2026-01-10 09:00", true)]  // swapped working Saturday
    [InlineData("2026-02-18 09:00", false)] // Tết
    public void working_time_is_inside_an_office_period_of_a_working_day(string instant, bool expected) =>
        Assert.Equal(expected, _calendar.IsWorkingTime(Local.Time(instant)));

    [Fact]
    public void the_same_instant_in_utc_is_judged_by_local_time() =>
        Assert.True(_calendar.IsWorkingTime(Local.Instant("2026-03-10T02:00:00Z")));

    [Fact]
    public void next_working_day_skips_weekends_and_holidays() =>
        Assert.Equal(
            [Local.Date("2026-03-09"), Local.Date("2026-02-23"), Local.Date("2026-01-10")],
            new[] { "2026-03-06", "2026-02-13", "2026-01-09" }.Select(d => _calendar.NextWorkingDay(Local.Date(d))));
}
