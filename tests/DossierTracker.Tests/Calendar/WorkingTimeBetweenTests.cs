using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class WorkingTimeBetweenTests
{
    private readonly WorkingCalendar _calendar = Local.DefaultCalendar();

    [Theory]
    [InlineData("2026-03-09 09:00", "2026-03-09 10:30", 90)]
    [InlineData("2026-03-09 09:00", "2026-03-09 15:00", 240)]  // lunch is not counted
    [InlineData("2026-03-09 12:00", "2026-03-09 13:00", 0)]    // only lunch
    [InlineData("2026-03-09 16:00", "2026-03-10 08:00", 120)]  // a night
    [InlineData("2026-03-09 17:00", "2026-03-09 23:00", 0)]    // evening only
    [InlineData("2026-03-06 16:00", "2026-03-09 08:00", 120)]  // a weekend
    [InlineData("2026-03-09 00:00", "2026-03-16 00:00", 2400)] // a full working week
    [InlineData("2026-02-13 07:00", "2026-02-23 17:00", 960)]  // Tết: only Friday 13 and Monday 23 count
    [InlineData("2026-02-14 00:00", "2026-02-23 00:00", 0)]    // all of Tết
    [InlineData("2026-01-09 07:00", "2026-01-12 07:00", 960)]  // the swapped Saturday counts
    public void counts_working_minutes_in_the_range(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), _calendar.WorkingTimeBetween(Local.Time(from), Local.Time(to)));

    [Fact]
    public void the_working_year_2026_has_250_working_days()
    {
        // 261 weekdays, 13 of them off by the 2026 table, plus the two swapped Saturdays.
        var total = _calendar.WorkingTimeBetween(Local.Time("2026-01-01 00:00"), Local.Time("2027-01-01 00:00"));

        Assert.Equal(TimeSpan.FromHours(250 * 8), total);
    }

    [Fact]
    public void an_empty_range_has_no_working_time() =>
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(Local.Time("2026-03-09 09:00"), Local.Time("2026-03-09 09:00")));

    [Fact]
    public void a_reversed_range_has_no_working_time() =>
        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(Local.Time("2026-03-10 09:00"), Local.Time("2026-03-09 09:00")));

    [Theory]
    [InlineData("2026-03-09 13:29", "2026-03-09 13:31", 1)] // only the minute from 13:30 counts
    [InlineData("2026-03-09 16:59", "2026-03-09 17:00", 1)] // the last minute counts
    [InlineData("2026-03-09 17:00", "2026-03-09 17:01", 0)] // closing time itself does not
    [InlineData("2026-03-09 06:00", "2026-03-09 07:00", 0)] // a range ending at opening counts nothing
    public void period_starts_are_included_and_period_ends_excluded(string from, string to, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), _calendar.WorkingTimeBetween(Local.Time(from), Local.Time(to)));

    [Fact]
    public void a_range_given_in_utc_counts_the_same_local_hours() =>
        Assert.Equal(
            TimeSpan.FromMinutes(240),
            _calendar.WorkingTimeBetween(Local.Instant("2026-03-09T02:00:00Z"), Local.Instant("2026-03-09T08:00:00Z")));
}
