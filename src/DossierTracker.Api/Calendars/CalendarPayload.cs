using DossierTracker.Calendar;

namespace DossierTracker.Api.Calendars;

public sealed record CalendarCorrectionPayload(DateOnly[]? Holidays, DateOnly[]? WorkingDays);

/// <summary>A year as the tracker applies it, and where that comes from.</summary>
public sealed record CalendarYearView(
    int Year,
    CalendarYearSource Source,
    IReadOnlyList<DateOnly> Holidays,
    IReadOnlyList<DateOnly> WorkingDays,
    string? ChangedBy,
    DateTimeOffset? ChangedAt,
    IReadOnlyList<string> OfficeHours)
{
    public static CalendarYearView Of(CalendarYear year, CalendarYearCorrected? correction, OfficeHours officeHours) => new(
        year.Year, year.Source, year.DaysOff.Order().ToList(), year.WorkingWeekendDays.Order().ToList(),
        correction?.ChangedBy, correction?.ChangedAt,
        officeHours.Periods.Select(p => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}").ToList());
}
