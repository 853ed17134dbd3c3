using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class NormaliseReceiptTests
{
    private readonly WorkingCalendar _calendar = Local.DefaultCalendar();

    [Theory]
    [InlineData("2026-03-10 06:59", "2026-03-10 07:00")] // before opening on a working day
    [InlineData("2026-03-10 00:30", "2026-03-10 07:00")] // small hours
    [InlineData("2026-03-10 07:00", "2026-03-10 07:00")] // at opening: already working time
    [InlineData("2026-03-10 09:45", "2026-03-10 09:45")] // morning
    [InlineData("2026-03-10 11:30", "2026-03-10 13:30")] // end of the morning is lunch
    [InlineData("2026-03-10 12:15", "2026-03-10 13:30")] // lunch
    [InlineData("2026-03-10 13:30", "2026-03-10 13:30")] // afternoon opening
    [InlineData("2026-03-10 16:59", "2026-03-10 16:59")] // last minute
    [InlineData("2026-03-10 17:00", "2026-03-11 07:00")] // closing time exactly
    [InlineData("2026-03-10 22:00", "2026-03-11 07:00")] // night
    [InlineData("2026-03-06 17:00", "2026-03-09 07:00")] // Friday closing
    [InlineData("2026-03-07 10:00", "2026-03-09 07:00")] // Saturday
    [InlineData("2026-03-08 23:59", "2026-03-09 07:00")] // Sunday night
    [InlineData("2026-01-10 10:00", "2026-01-10 10:00")] // swapped working Saturday
    [InlineData("2026-01-10 06:00", "2026-01-10 07:00")] // early on a swapped working Saturday
    [InlineData("2026-01-09 18:00", "2026-01-10 07:00")] // Friday night before a swapped Saturday
    [InlineData("2026-02-16 09:00", "2026-02-23 07:00")] // Tết
    [InlineData("2026-02-13 17:30", "2026-02-23 07:00")] // evening before Tết
    [InlineData("2026-04-30 10:00", "2026-05-04 07:00")] // Reunification Day
    [InlineData("2022-12-30 17:00", "2023-01-03 07:00")] // New Year break spanning two years
    public void receipt_outside_office_hours_moves_to_the_start_of_the_next_office_period(string received, string expected) =>
        Assert.Equal(Local.Time(expected), _calendar.NormaliseReceipt(Local.Time(received)));

    [Fact]
    public void receipt_one_tick_before_closing_is_unchanged()
    {
        var received = Local.Time("2026-03-10 17:00").AddTicks(-1);

        Assert.Equal(received, _calendar.NormaliseReceipt(received));
    }

    [Fact]
    public void receipt_given_in_utc_is_normalised_by_local_wall_time()
    {
        var normalised = _calendar.NormaliseReceipt(Local.Instant("2026-03-10T10:00:00Z"));

        Assert.Equal((Local.Time("2026-03-11 07:00"), VietnamTime.Offset), (normalised, normalised.Offset));
    }

    [Fact]
    public void configured_office_hours_decide_the_next_opening()
    {
        var calendar = new WorkingCalendar(
            new OfficeHours([new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(16, 30))]),
            new HolidayCalendar());

        Assert.Equal(
            [Local.Time("2026-03-10 08:00"), Local.Time("2026-03-10 13:00"), Local.Time("2026-03-11 08:00")],
            new[] { "2026-03-10 07:30", "2026-03-10 12:00", "2026-03-10 16:30" }.Select(t => calendar.NormaliseReceipt(Local.Time(t))));
    }
}
