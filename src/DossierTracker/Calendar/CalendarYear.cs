using System.Collections.Frozen;

namespace DossierTracker.Calendar;

/// <summary>
/// One year's days off and swapped working weekend days, as one government decision states them.
/// A decision may reach into a neighbouring year (the 2023 New Year break began on 31/12/2022),
/// so days of the previous and next year are allowed and count wherever the date falls.
/// </summary>
public sealed record CalendarYear(
    int Year,
    IReadOnlySet<DateOnly> DaysOff,
    IReadOnlySet<DateOnly> WorkingWeekendDays,
    CalendarYearSource Source)
{
    public int Year { get; } = Year;

    public IReadOnlySet<DateOnly> DaysOff { get; } = Frozen(DaysOff, Year, nameof(DaysOff));

    public IReadOnlySet<DateOnly> WorkingWeekendDays { get; } =
        FrozenWeekendDays(WorkingWeekendDays, Year, nameof(WorkingWeekendDays));

    public CalendarYearSource Source { get; } = Source;

    // Sets compare by reference in a positional record; two identical decisions should be equal.
    public bool Equals(CalendarYear? other) =>
        other is not null
        && Year == other.Year
        && Source == other.Source
        && DaysOff.SetEquals(other.DaysOff)
        && WorkingWeekendDays.SetEquals(other.WorkingWeekendDays);

    public override int GetHashCode() => HashCode.Combine(Year, Source, DaysOff.Count, WorkingWeekendDays.Count);

    private static FrozenSet<DateOnly> Frozen(IReadOnlySet<DateOnly> days, int year, string name)
    {
        ArgumentNullException.ThrowIfNull(days, name);
        foreach (var day in days)
        {
            // The working calendar only looks one year either side for spill-over days; further ones would be lost.
            if (Math.Abs(day.Year - year) > 1)
            {
                throw new ArgumentException($"{day:yyyy-MM-dd} is too far from {year} to belong to its calendar.", name);
            }
        }

        return days.ToFrozenSet();
    }

    private static FrozenSet<DateOnly> FrozenWeekendDays(IReadOnlySet<DateOnly> days, int year, string name)
    {
        var frozen = Frozen(days, year, name);
        foreach (var day in frozen)
        {
            if (!IsWeekend(day))
            {
                throw new ArgumentException($"{day:yyyy-MM-dd} is a weekday; only weekend days can be swapped into working days.", name);
            }
        }

        return frozen;
    }

    internal static bool IsWeekend(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
