namespace DossierTracker.Calendar;

/// <summary>One year of <c>official-holidays.json</c>; expanded into single days only when turned into a <see cref="CalendarYear"/>.</summary>
internal sealed record OfficialHolidayEntry(
    int Year,
    IReadOnlyList<DateOnly[]> DaysOff,
    IReadOnlyList<DateOnly> WorkingSaturdays,
    IReadOnlyList<DateOnly[]> Unconfirmed,
    string Source,
    string Note)
{
    public CalendarYear ToCalendarYear() =>
        new(Year, Expand(DaysOff), WorkingSaturdays.ToHashSet(), CalendarYearSource.OfficialTable);

    public IReadOnlySet<DateOnly> UnconfirmedDays()
    {
        var unconfirmed = Expand(Unconfirmed);
        if (!unconfirmed.IsSubsetOf(Expand(DaysOff)))
        {
            throw new InvalidOperationException($"The unconfirmed spans of {Year} are not all days off in the same entry.");
        }

        return unconfirmed;
    }

    private HashSet<DateOnly> Expand(IEnumerable<DateOnly[]> ranges)
    {
        var days = new HashSet<DateOnly>();
        foreach (var range in ranges)
        {
            var (first, last) = range switch
            {
                [var single] => (single, single),
                [var from, var to] when from <= to => (from, to),
                _ => throw new InvalidOperationException(
                    $"A range in {Year} must be [day] or [first, last] with first <= last."),
            };
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        return days;
    }
}
