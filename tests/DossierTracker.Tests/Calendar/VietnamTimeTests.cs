using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class VietnamTimeTests
{
    [Fact]
    public void offset_is_seven_hours_ahead_of_utc() =>
        Assert.Equal(TimeSpan.FromHours(7), VietnamTime.Offset);

    [Theory]
    [InlineData("2025-12-31T16:59:59Z", "2025-12-31")]
    [InlineData("2025-12-31T17:00:00Z", "2026-01-01")]
    [InlineData("2026-01-01T06:30:00+09:00", "2026-01-01")]
    [InlineData("2026-01-01T00:30:00+09:00", "2025-12-31")]
    public void local_date_is_the_date_in_ho_chi_minh_city(string instant, string expectedDate) =>
        Assert.Equal(Local.Date(expectedDate), VietnamTime.LocalDate(Local.Instant(instant)));

    [Fact]
    public void to_local_keeps_the_instant_and_shows_plus_seven()
    {
        var utc = Local.Instant("2026-02-13T09:00:00Z");

        var local = VietnamTime.ToLocal(utc);

        Assert.Equal((utc, TimeSpan.FromHours(7), 16), (local, local.Offset, local.Hour));
    }

    [Fact]
    public void at_turns_local_wall_time_into_the_instant_seven_hours_earlier_in_utc()
    {
        var instant = VietnamTime.At(Local.Date("2026-01-01"), new TimeOnly(3, 15));

        Assert.Equal(Local.Instant("2025-12-31T20:15:00Z"), instant);
        Assert.Equal(VietnamTime.Offset, instant.Offset);
    }

    [Fact]
    public void local_time_of_day_reads_the_wall_clock() =>
        Assert.Equal(new TimeOnly(0, 5), VietnamTime.LocalTimeOfDay(Local.Instant("2026-03-01T17:05:00Z")));
}
