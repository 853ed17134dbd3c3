using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

public sealed class DueTimeTests
{
    private readonly WorkingCalendar _calendar = Local.DefaultCalendar();

    private DateTimeOffset Due(string received, int value, ProcessingTimeUnit unit) =>
        _calendar.DueTime(Local.Time(received), new ProcessingTime(value, unit));

    [Fact]
    public void due_time_skips_tet_2026() =>
        Assert.Equal(Local.Time("2026-02-25 16:00"), Due("2026-02-13 16:00", 3, ProcessingTimeUnit.WorkingDays));

    [Fact]
    public void due_time_counts_a_swapped_working_saturday() =>
        Assert.Equal(Local.Time("2026-01-10 16:30"), Due("2026-01-09 16:30", 1, ProcessingTimeUnit.WorkingDays));

    [Fact]
    public void receipt_on_saturday_night_with_one_working_day_is_due_monday_at_five() =>
        Assert.Equal(Local.Time("2026-03-09 17:00"), Due("2026-03-07 21:00", 1, ProcessingTimeUnit.WorkingDays));

    [Fact]
    public void receipt_in_utc_gives_the_same_due_time_at_plus_seven()
    {
        var due = _calendar.DueTime(Local.Instant("2026-02-13T09:00:00Z"), new ProcessingTime(3, ProcessingTimeUnit.WorkingDays));

        Assert.Equal((Local.Time("2026-02-25 16:00"), VietnamTime.Offset), (due, due.Offset));
    }

    [Fact]
    public void zero_working_days_is_due_at_the_normalised_receipt() =>
        Assert.Equal(Local.Time("2026-03-09 07:00"), Due("2026-03-07 21:00", 0, ProcessingTimeUnit.WorkingDays));

    [Fact]
    public void working_days_follow_the_configured_day_length()
    {
        var calendar = new WorkingCalendar(
            new OfficeHours([new OfficePeriod(new TimeOnly(8, 0), new TimeOnly(12, 0))]),
            new HolidayCalendar());

        Assert.Equal(
            Local.Time("2026-03-11 12:00"),
            calendar.DueTime(Local.Time("2026-03-09 08:00"), new ProcessingTime(3, ProcessingTimeUnit.WorkingDays)));
    }

    [Theory]
    [InlineData("2026-03-11 10:00", 4, "2026-03-11 16:00")]  // across lunch
    [InlineData("2026-03-13 15:00", 8, "2026-03-16 15:00")]  // across the weekend
    [InlineData("2026-03-11 18:00", 2, "2026-03-12 09:00")]  // received after hours
    [InlineData("2026-03-11 07:00", 8, "2026-03-11 17:00")]  // a full day ends at closing time
    public void working_hours_are_added_to_the_normalised_receipt(string received, int hours, string expected) =>
        Assert.Equal(Local.Time(expected), Due(received, hours, ProcessingTimeUnit.WorkingHours));

    [Theory]
    [InlineData("2026-03-02 10:00", 3, "2026-03-05 17:00")]  // lands on a Thursday
    [InlineData("2026-03-02 10:00", 5, "2026-03-09 17:00")]  // lands on Saturday: next working day
    [InlineData("2026-04-20 10:00", 10, "2026-05-04 17:00")] // lands on 30/4: after the whole break
    [InlineData("2026-01-05 10:00", 5, "2026-01-10 17:00")]  // lands on a swapped working Saturday
    [InlineData("2026-03-02 22:00", 0, "2026-03-02 17:00")]  // zero days: closing time of the receipt date
    public void calendar_days_end_at_closing_time_on_a_working_day(string received, int days, string expected) =>
        Assert.Equal(Local.Time(expected), Due(received, days, ProcessingTimeUnit.CalendarDays));

    [Fact]
    public void calendar_days_count_from_the_local_date_of_receipt() =>
        Assert.Equal(
            Local.Time("2026-03-05 17:00"),
            _calendar.DueTime(Local.Instant("2026-03-01T18:00:00Z"), new ProcessingTime(3, ProcessingTimeUnit.CalendarDays)));

    [Theory]
    [InlineData(ProcessingTimeUnit.WorkingDays)]
    [InlineData(ProcessingTimeUnit.WorkingHours)]
    [InlineData(ProcessingTimeUnit.CalendarDays)]
    public void negative_processing_time_is_rejected(ProcessingTimeUnit unit) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Due("2026-03-09 09:00", -1, unit));

    [Fact]
    public void unknown_unit_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Due("2026-03-09 09:00", 1, (ProcessingTimeUnit)42));

    [Fact]
    public void thirty_working_days_from_tet_2026_skip_tet_and_the_weekends() =>
        // Tue 10/2 10:00 → 5h left that day, 3 more days before Tết (11–13/2), then 26 days from Mon 23/2.
        Assert.Equal(Local.Time("2026-03-31 10:00"), Due("2026-02-10 10:00", 30, ProcessingTimeUnit.WorkingDays));
}
