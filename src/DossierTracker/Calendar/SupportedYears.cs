namespace DossierTracker.Calendar;

/// <summary>
/// The years the tracker accepts in event times, due times and date filters, by Vietnamese local date. The same span
/// as the calendar and report endpoints, and well inside the astronomical lunar calendar's years
/// (<see cref="VietnameseLunarCalendar.MinYear"/>–<see cref="VietnameseLunarCalendar.MaxYear"/>), so a due time
/// computed or moved from any accepted instant still has a calendar to count on.
/// </summary>
public static class SupportedYears
{
    public const int First = 1990;
    public const int Last = 2100;

    public static readonly string Description = $"the years {First}–{Last} (Vietnam local date)";

    public static bool Contains(DateOnly date) => date.Year is >= First and <= Last;

    /// <summary>The UTC year is checked first: the local date of an instant late in year 9999 does not exist.</summary>
    public static bool Contains(DateTimeOffset instant) =>
        instant.UtcDateTime.Year is >= First - 1 and <= Last && Contains(VietnamTime.LocalDate(instant));
}
