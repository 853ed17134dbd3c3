namespace DossierTracker.Calendar;

/// <summary>
/// Working-time arithmetic over office hours and working days, in Vietnamese local time.
/// Every loop advances a period, a day or a year at a time, so cost grows with the span in days at most, never in minutes.
/// Results are instants shown at +07:00.
/// </summary>
public sealed class WorkingCalendar
{
    // A calendar without a working day for ten years is misconfigured; without this limit a search would never end.
    private const int WorkingDaySearchLimitDays = 3_660;

    private readonly TimeSpan _workingDayLength;

    public WorkingCalendar(OfficeHours officeHours, HolidayCalendar holidays)
    {
        OfficeHours = officeHours ?? throw new ArgumentNullException(nameof(officeHours));
        Holidays = holidays ?? throw new ArgumentNullException(nameof(holidays));
        _workingDayLength = officeHours.WorkingDayLength;
    }

    public OfficeHours OfficeHours { get; }

    public HolidayCalendar Holidays { get; }

    public bool IsWorkingDay(DateOnly date) => Holidays.IsWorkingDay(date);

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        var (date, time) = Split(instant);
        if (!IsWorkingDay(date))
        {
            return false;
        }

        var periods = OfficeHours.Periods;
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Start <= time && time < periods[i].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => FirstWorkingDayFrom(date.AddDays(1));

    public DateTimeOffset NormaliseReceipt(DateTimeOffset instant)
    {
        var (date, time) = Split(instant);
        if (IsWorkingDay(date))
        {
            var periods = OfficeHours.Periods;
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                if (time < period.End)
                {
                    return time >= period.Start ? VietnamTime.ToLocal(instant) : VietnamTime.At(date, period.Start);
                }
            }
        }

        return VietnamTime.At(NextWorkingDay(date), OfficeHours.OpeningTime);
    }

    /// <summary>
    /// <paramref name="amount"/> of working time after <paramref name="start"/> (normalised first). Time that runs out
    /// exactly at the end of a period ends there: one working day from Monday 07:00 is Monday 17:00, not Tuesday 07:00.
    /// A zero amount returns <paramref name="start"/> itself, not normalised (the same instant, shown at +07:00).
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return VietnamTime.ToLocal(start);
        }

        var (date, from) = Split(NormaliseReceipt(start));
        var periods = OfficeHours.Periods;
        var remaining = amount;
        while (true)
        {
            // Indexed loops: a foreach over IReadOnlyList boxes an enumerator on every day.
            for (var i = 0; i < periods.Count; i++)
            {
                var period = periods[i];
                if (period.End <= from)
                {
                    continue;
                }

                var segmentStart = from > period.Start ? from : period.Start;
                var available = period.End - segmentStart;
                if (remaining <= available)
                {
                    return VietnamTime.At(date, segmentStart.Add(remaining));
                }

                remaining -= available;
            }

            date = NextWorkingDay(date);
            from = TimeOnly.MinValue;
        }
    }

    /// <summary>
    /// Working time in [<paramref name="from"/>, <paramref name="to"/>); zero when the range is empty or reversed.
    /// The days strictly between the first and the last are counted whole, a year at a time: lists compute this from
    /// due times years back.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        // Wall-clock values at a fixed offset subtract exactly like instants.
        var start = VietnamTime.ToLocal(from).DateTime;
        var end = VietnamTime.ToLocal(to).DateTime;
        var first = DateOnly.FromDateTime(start);
        var last = DateOnly.FromDateTime(end);
        var total = WorkingTimeOn(first, start, end);
        if (last > first)
        {
            total += WorkingTimeOn(last, start, end);
            total += TimeSpan.FromTicks(_workingDayLength.Ticks * Holidays.WorkingDaysBetween(first.AddDays(1), last));
        }

        return total;
    }

    /// <summary>The office time of <paramref name="date"/> inside [<paramref name="start"/>, <paramref name="end"/>).</summary>
    private TimeSpan WorkingTimeOn(DateOnly date, DateTime start, DateTime end)
    {
        if (!IsWorkingDay(date))
        {
            return TimeSpan.Zero;
        }

        var periods = OfficeHours.Periods;
        var total = TimeSpan.Zero;
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            var overlapStart = Max(date.ToDateTime(period.Start), start);
            var overlapEnd = Min(date.ToDateTime(period.End), end);
            if (overlapEnd > overlapStart)
            {
                total += overlapEnd - overlapStart;
            }
        }

        return total;
    }

    public DateTimeOffset DueTime(DateTimeOffset receivedAt, ProcessingTime processingTime)
    {
        ArgumentNullException.ThrowIfNull(processingTime);
        ArgumentOutOfRangeException.ThrowIfNegative(processingTime.Value, nameof(processingTime));

        return processingTime.Unit switch
        {
            ProcessingTimeUnit.WorkingDays => AddWorkingTime(
                NormaliseReceipt(receivedAt),
                TimeSpan.FromTicks(checked(OfficeHours.WorkingDayLength.Ticks * processingTime.Value))),
            ProcessingTimeUnit.WorkingHours => AddWorkingTime(
                NormaliseReceipt(receivedAt),
                TimeSpan.FromHours(processingTime.Value)),
            // Calendar days ignore office hours while counting; only the last day must be one the office is open.
            ProcessingTimeUnit.CalendarDays => VietnamTime.At(
                FirstWorkingDayFrom(VietnamTime.LocalDate(receivedAt).AddDays(processingTime.Value)),
                OfficeHours.ClosingTime),
            _ => throw new ArgumentOutOfRangeException(
                nameof(processingTime), processingTime.Unit, "Unknown processing time unit."),
        };
    }

    private DateOnly FirstWorkingDayFrom(DateOnly date)
    {
        for (var i = 0; i < WorkingDaySearchLimitDays; i++)
        {
            var candidate = date.AddDays(i);
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No working day within {WorkingDaySearchLimitDays} days from {date:yyyy-MM-dd}; the holiday calendar is misconfigured.");
    }

    private static (DateOnly Date, TimeOnly Time) Split(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
