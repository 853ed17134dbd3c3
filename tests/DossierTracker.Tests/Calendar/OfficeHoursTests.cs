using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class OfficeHoursTests
{
    private static OfficePeriod Period(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

    [Fact]
    public void default_hours_are_seven_to_half_past_eleven_and_half_past_one_to_five() =>
        Assert.Equal([Period(7, 0, 11, 30), Period(13, 30, 17, 0)], OfficeHours.Default.Periods);

    [Fact]
    public void default_working_day_is_eight_hours() =>
        Assert.Equal(TimeSpan.FromHours(8), OfficeHours.Default.WorkingDayLength);

    [Fact]
    public void working_day_length_sums_every_period() =>
        Assert.Equal(
            TimeSpan.FromMinutes(4 * 60 + 45 + 3 * 60 + 15),
            new OfficeHours([Period(7, 30, 12, 15), Period(13, 45, 17, 0)]).WorkingDayLength);

    [Fact]
    public void opening_and_closing_times_are_the_first_start_and_the_last_end()
    {
        var hours = new OfficeHours([Period(8, 0, 12, 0), Period(13, 0, 16, 30)]);

        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 30)), (hours.OpeningTime, hours.ClosingTime));
    }

    [Fact]
    public void no_period_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new OfficeHours([]));

    [Fact]
    public void a_period_ending_before_it_starts_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new OfficeHours([Period(11, 0, 7, 0)]));

    [Fact]
    public void an_empty_period_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new OfficeHours([Period(7, 0, 7, 0)]));

    [Fact]
    public void unsorted_periods_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new OfficeHours([Period(13, 30, 17, 0), Period(7, 0, 11, 30)]));

    [Fact]
    public void overlapping_periods_are_rejected() =>
        Assert.Throws<ArgumentException>(() => new OfficeHours([Period(7, 0, 12, 0), Period(11, 30, 17, 0)]));

    [Fact]
    public void touching_periods_are_accepted() =>
        Assert.Equal(
            TimeSpan.FromHours(10),
            new OfficeHours([Period(7, 0, 12, 0), Period(12, 0, 17, 0)]).WorkingDayLength);

    [Fact]
    public void hours_with_the_same_periods_are_equal() =>
        Assert.Equal(OfficeHours.Default, new OfficeHours([Period(7, 0, 11, 30), Period(13, 30, 17, 0)]));

    [Fact]
    public void changing_the_callers_list_afterwards_does_not_change_the_hours()
    {
        var periods = new List<OfficePeriod> { Period(7, 0, 11, 30) };
        var hours = new OfficeHours(periods);

        periods.Add(Period(13, 30, 17, 0));

        Assert.Single(hours.Periods);
    }
}
