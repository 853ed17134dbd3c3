using DossierTracker.Calendar;
using FsCheck.Xunit;

namespace DossierTracker.Tests.Calendar;

[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
public sealed class WorkingCalendarProperties
{
    private static readonly WorkingCalendar Calendar = Local.DefaultCalendar();

    [Property]
    public bool working_time_between_a_working_start_and_the_added_time_is_the_amount(WorkingInstant start, WorkingAmount amount) =>
        Calendar.WorkingTimeBetween(start.Value, Calendar.AddWorkingTime(start.Value, amount.Value)) == amount.Value;

    [Property]
    public bool working_time_between_a_normalised_receipt_and_the_added_time_is_the_amount(AnyInstant received, WorkingAmount amount)
    {
        var start = Calendar.NormaliseReceipt(received.Value);

        return Calendar.WorkingTimeBetween(start, Calendar.AddWorkingTime(start, amount.Value)) == amount.Value;
    }

    [Property]
    public bool working_time_between_any_start_and_the_added_time_is_the_amount(AnyInstant start, WorkingAmount amount) =>
        Calendar.WorkingTimeBetween(start.Value, Calendar.AddWorkingTime(start.Value, amount.Value)) == amount.Value;

    [Property]
    public bool adding_more_working_time_gives_a_later_result(AnyInstant start, WorkingAmount first, WorkingAmount second)
    {
        var (smaller, larger) = first.Value <= second.Value ? (first.Value, second.Value) : (second.Value, first.Value);
        var earlier = Calendar.AddWorkingTime(start.Value, smaller);
        var later = Calendar.AddWorkingTime(start.Value, larger);

        return smaller == larger ? earlier == later : earlier < later;
    }

    [Property]
    public bool added_working_time_ends_in_office_hours_or_at_a_period_end_of_a_working_day(AnyInstant start, WorkingAmount amount)
    {
        var positive = amount.Value + TimeSpan.FromMinutes(1);
        var result = Calendar.AddWorkingTime(start.Value, positive);
        var date = VietnamTime.LocalDate(result);
        var time = VietnamTime.LocalTimeOfDay(result);

        var atPeriodEnd = Calendar.OfficeHours.Periods.Any(period => period.End == time);
        return Calendar.IsWorkingDay(date) && (Calendar.IsWorkingTime(result) || atPeriodEnd);
    }

    // Time running out exactly at a period end must stay there, so a positive amount can never end at a period start.
    [Property]
    public bool positive_working_time_never_ends_at_the_start_of_an_office_period(AnyInstant start, WorkingAmount amount)
    {
        var result = Calendar.AddWorkingTime(start.Value, amount.Value + TimeSpan.FromMinutes(1));
        var time = VietnamTime.LocalTimeOfDay(result);

        return Calendar.OfficeHours.Periods.All(period => period.Start != time);
    }

    [Property]
    public bool due_time_never_lands_on_a_day_off(AnyInstant received, AnyProcessingTime processingTime) =>
        Calendar.IsWorkingDay(VietnamTime.LocalDate(Calendar.DueTime(received.Value, processingTime.Value)));

    [Property]
    public bool due_time_is_never_before_the_normalised_receipt(AnyInstant received, AnyProcessingTime processingTime) =>
        Calendar.DueTime(received.Value, processingTime.Value) >= Calendar.NormaliseReceipt(received.Value)
        || processingTime.Value.Unit == ProcessingTimeUnit.CalendarDays && processingTime.Value.Value == 0;

    [Property]
    public bool working_days_due_time_is_exactly_that_many_working_days_after_receipt(AnyInstant received, AnyProcessingTime processingTime)
    {
        var days = processingTime.Value.Value;
        var due = Calendar.DueTime(received.Value, new ProcessingTime(days, ProcessingTimeUnit.WorkingDays));

        return Calendar.WorkingTimeBetween(received.Value, due) == TimeSpan.FromHours(8 * days);
    }

    [Property]
    public bool working_time_between_adds_up_over_a_split(AnyInstant a, AnyInstant b, AnyInstant c)
    {
        var sorted = new[] { a.Value, b.Value, c.Value }.Order().ToArray();

        return Calendar.WorkingTimeBetween(sorted[0], sorted[2])
            == Calendar.WorkingTimeBetween(sorted[0], sorted[1]) + Calendar.WorkingTimeBetween(sorted[1], sorted[2]);
    }

    // The reference model: every day from the first to the last, each office period clipped to the range.
    [Property]
    public bool working_time_between_is_the_office_time_of_each_day_in_the_range(AnyInstant a, AnyInstant b)
    {
        var (from, to) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
        var start = VietnamTime.ToLocal(from).DateTime;
        var end = VietnamTime.ToLocal(to).DateTime;
        var expected = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(date)) continue;
            foreach (var period in Calendar.OfficeHours.Periods)
            {
                var overlapStart = new[] { date.ToDateTime(period.Start), start }.Max();
                var overlapEnd = new[] { date.ToDateTime(period.End), end }.Min();
                if (overlapEnd > overlapStart) expected += overlapEnd - overlapStart;
            }
        }

        return Calendar.WorkingTimeBetween(from, to) == expected;
    }

    [Property]
    public bool results_are_shown_at_plus_seven(AnyInstant start, WorkingAmount amount) =>
        Calendar.AddWorkingTime(start.Value, amount.Value).Offset == VietnamTime.Offset
        && Calendar.NormaliseReceipt(start.Value).Offset == VietnamTime.Offset;
}
