using DossierTracker.Calendar;
using Marten;

namespace DossierTracker.Api.ReferenceData;

/// <summary>Operator corrections of the calendar live in one event stream per year, so every change is kept with who made it.</summary>
public static class CalendarCorrections
{
    /// <summary>'$' cannot start a dossier code, so these streams never collide with dossiers.</summary>
    public static string StreamKey(int year) => $"$calendar-{year}";

    public const string EventName = "calendar_year_corrected";

    /// <summary>Every year's stream key: a correction can only be made to a year the tracker supports.</summary>
    private static readonly string[] StreamKeys =
        [.. Enumerable.Range(SupportedYears.First, SupportedYears.Last - SupportedYears.First + 1).Select(StreamKey)];

    /// <summary>
    /// The corrections, read by their streams' keys (the event store's stream index): read by event type, they were a
    /// scan of every event, seconds long at millions of events, on every reload of the reference data.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, CalendarYearCorrected>> LoadAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey.IsOneOf(StreamKeys))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        // Later corrections of a year replace earlier ones.
        return events
            .Select(e => (CalendarYearCorrected)e.Data)
            .GroupBy(c => c.Year)
            .ToDictionary(g => g.Key, g => g.Last());
    }

    public static CalendarYear ToCalendarYear(this CalendarYearCorrected correction) =>
        new(correction.Year, correction.Holidays.ToHashSet(), correction.WorkingDays.ToHashSet(), CalendarYearSource.Operator);
}
