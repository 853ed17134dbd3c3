using System.Collections.Frozen;

namespace DossierTracker.Calendar;

/// <summary>
/// The official days off shipped with the service (embedded <c>official-holidays.json</c>).
/// Loaded once; a malformed file fails at first use, because silently missing holidays would shift due times.
/// </summary>
public static class OfficialHolidayTables
{
    private static readonly Lazy<Tables> Loaded = new(Load);

    public static IReadOnlyCollection<int> Years => Loaded.Value.SortedYears;

    public static bool TryGet(int year, out CalendarYear calendarYear) =>
        Loaded.Value.Years.TryGetValue(year, out calendarYear!);

    /// <summary>Days off of <paramref name="year"/>'s table that are believed but not confirmed (empty when none).</summary>
    public static IReadOnlySet<DateOnly> UnconfirmedDaysOff(int year) =>
        Loaded.Value.Unconfirmed.TryGetValue(year, out var days) ? days : FrozenSet<DateOnly>.Empty;

    private static Tables Load()
    {
        var file = OfficialHolidayFile.LoadEmbedded();
        var duplicate = file.Years.GroupBy(entry => entry.Year).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The official holiday file lists {duplicate.Key} more than once.");
        }

        return new Tables(
            file.Years.Select(entry => entry.Year).Order().ToArray(),
            file.Years.ToFrozenDictionary(entry => entry.Year, entry => entry.ToCalendarYear()),
            file.Years.ToFrozenDictionary(entry => entry.Year, entry => (IReadOnlySet<DateOnly>)entry.UnconfirmedDays().ToFrozenSet()));
    }

    private sealed record Tables(
        IReadOnlyCollection<int> SortedYears,
        FrozenDictionary<int, CalendarYear> Years,
        FrozenDictionary<int, IReadOnlySet<DateOnly>> Unconfirmed);
}
