using DossierTracker.Calendar;

namespace DossierTracker.Api.ReferenceData;

/// <summary>Configuration section <c>Calendar</c>: office hours differ by province.</summary>
public sealed class CalendarSettings
{
    /// <summary>Office periods as "HH:mm-HH:mm"; none configured means the default 07:00–11:30 and 13:30–17:00.</summary>
    public string[] OfficeHours { get; set; } = [];

    public OfficeHours ToOfficeHours() =>
        OfficeHours.Length == 0 ? Calendar.OfficeHours.Default : new(OfficeHours.Select(ParsePeriod).ToList());

    private static OfficePeriod ParsePeriod(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParse(parts[0], out var start) || !TimeOnly.TryParse(parts[1], out var end))
            throw new InvalidOperationException($"Calendar:OfficeHours entry '{text}' is not of the form HH:mm-HH:mm.");
        return new OfficePeriod(start, end);
    }
}
