using DossierTracker.Calendar;
using FsCheck;
using FsCheck.Fluent;

namespace DossierTracker.Tests.Calendar;

/// <summary>Any instant from 2021 to 2031, minute resolution, shown in UTC so time-zone handling is exercised too.</summary>
public sealed record AnyInstant(DateTimeOffset Value)
{
    public override string ToString() => VietnamTime.ToLocal(Value).ToString("yyyy-MM-dd HH:mm zzz");
}

/// <summary>An instant inside default office hours on a working day, built without the code under test's arithmetic.</summary>
public sealed record WorkingInstant(DateTimeOffset Value)
{
    public override string ToString() => Value.ToString("yyyy-MM-dd HH:mm zzz");
}

/// <summary>Working time from zero to 60 working days, minute resolution.</summary>
public sealed record WorkingAmount(TimeSpan Value)
{
    public override string ToString() => $"{Value.TotalMinutes} min";
}

public sealed record AnyProcessingTime(ProcessingTime Value)
{
    public override string ToString() => $"{Value.Value} {Value.Unit}";
}

public static class CalendarArbitraries
{
    private static readonly DateTimeOffset First = new(2021, 1, 1, 0, 0, 0, VietnamTime.Offset);
    private static readonly DateTimeOffset End = new(2032, 1, 1, 0, 0, 0, VietnamTime.Offset);
    private static readonly HolidayCalendar Holidays = new();

    public static Arbitrary<AnyInstant> AnyInstants() =>
        Gen.Choose(0, (int)(End - First).TotalMinutes - 1)
            .Select(minutes => new AnyInstant(First.AddMinutes(minutes).ToUniversalTime()))
            .ToArbitrary();

    public static Arbitrary<WorkingInstant> WorkingInstants() =>
        Gen.Choose(0, End.Date.Subtract(First.Date).Days - 1)
            .Select(days => DateOnly.FromDateTime(First.Date).AddDays(days))
            .Where(Holidays.IsWorkingDay)
            .SelectMany(_ => Gen.Choose(0, 479), (date, minute) => new WorkingInstant(VietnamTime.At(date, OfficeMinute(minute))))
            .ToArbitrary();

    public static Arbitrary<WorkingAmount> WorkingAmounts() =>
        Gen.Choose(0, 60 * 8 * 60)
            .Select(minutes => new WorkingAmount(TimeSpan.FromMinutes(minutes)))
            .ToArbitrary();

    public static Arbitrary<AnyProcessingTime> ProcessingTimes() =>
        Gen.Elements(ProcessingTimeUnit.WorkingDays, ProcessingTimeUnit.WorkingHours, ProcessingTimeUnit.CalendarDays)
            .SelectMany(_ => Gen.Choose(0, 90), (unit, value) => new AnyProcessingTime(new ProcessingTime(value, unit)))
            .ToArbitrary();

    // Minute m of the default working day: 270 minutes from 07:00, then the afternoon from 13:30.
    private static TimeOnly OfficeMinute(int minute) =>
        minute < 270 ? new TimeOnly(7, 0).AddMinutes(minute) : new TimeOnly(13, 30).AddMinutes(minute - 270);
}
