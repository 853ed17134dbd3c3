namespace DossierTracker.Calendar;

/// <summary>
/// The calendar was asked about a year it has neither a declared table nor a lunar calendar for. Inputs are kept to
/// <see cref="SupportedYears"/>, so only data stored before that rule can lead here; the host answers it as a problem.
/// </summary>
public sealed class CalendarRangeException(int year)
    : Exception($"The working calendar has no days off for {year}: it covers the years {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear} and any declared year.")
{
    public int Year { get; } = year;
}
