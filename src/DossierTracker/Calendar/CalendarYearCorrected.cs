namespace DossierTracker.Calendar;

/// <summary>An operator replaced a year's days off and worked weekend days; who and when are part of the fact.</summary>
public sealed record CalendarYearCorrected(
    int Year,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> WorkingDays,
    string ChangedBy,
    DateTimeOffset ChangedAt);
