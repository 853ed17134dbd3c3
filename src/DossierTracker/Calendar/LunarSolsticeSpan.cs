using System.Collections.Concurrent;

namespace DossierTracker.Calendar;

/// <summary>
/// The months from the month 11 that holds the winter solstice of December <c>Year − 1</c> up to (not including)
/// the month 11 of December <c>Year</c>. This is the unit in which the calendar rules are stated: month 11
/// contains the solstice, and when 13 months fit between two months 11, the first month with no major solar term
/// is the leap month and repeats the number before it. Its months 11 and 12 belong to lunar year <c>Year − 1</c>,
/// months 1 to 10 to lunar year <c>Year</c> (whose Tết falls in Gregorian year <c>Year</c>).
/// </summary>
internal sealed class LunarSolsticeSpan
{
    private static readonly ConcurrentDictionary<int, LunarSolsticeSpan> Cache = new();

    private LunarSolsticeSpan(int year, LunarMonth[] months, int endDay)
    {
        Year = year;
        Months = months;
        EndDay = endDay;
    }

    public int Year { get; }

    public IReadOnlyList<LunarMonth> Months { get; }

    /// <summary>The first day after the span (the first day of the next month 11), as a Julian day number.</summary>
    public int EndDay { get; }

    public static LunarSolsticeSpan For(int year) => Cache.GetOrAdd(year, Build);

    private static LunarSolsticeSpan Build(int year)
    {
        var first = Month11Lunation(year - 1);
        var end = Month11Lunation(year);
        var count = end - first;
        int? leapOffset = count == 13 ? LeapOffset(first) : null;

        var months = new LunarMonth[count];
        for (var offset = 0; offset < count; offset++)
        {
            var numbered = leapOffset is { } leap && offset >= leap ? offset - 1 : offset;
            var number = (10 + numbered) % 12 + 1;
            var firstDay = NewMoon.LocalDay(first + offset);
            var length = NewMoon.LocalDay(first + offset + 1) - firstDay;
            months[offset] = new LunarMonth(number >= 11 ? year - 1 : year, number, offset == leapOffset, firstDay, length);
        }

        return new LunarSolsticeSpan(year, months, NewMoon.LocalDay(end));
    }

    /// <summary>The lunation that starts month 11, the month holding the winter solstice of December <paramref name="year"/>.</summary>
    private static int Month11Lunation(int year)
    {
        // The month running on 31 December holds the solstice (about 21 December) unless it began after it,
        // i.e. unless the Sun had already passed 270° when it began.
        var k = NewMoon.LunationOnOrBefore(JulianDay.FromDate(new DateOnly(year, 12, 31)));
        return SolarLongitude.SectorAtLocalMidnight(NewMoon.LocalDay(k)) >= 9 ? k - 1 : k;
    }

    private static int LeapOffset(int month11Lunation)
    {
        for (var offset = 1; offset < 13; offset++)
        {
            var sectorAtStart = SolarLongitude.SectorAtLocalMidnight(NewMoon.LocalDay(month11Lunation + offset));
            var sectorAtEnd = SolarLongitude.SectorAtLocalMidnight(NewMoon.LocalDay(month11Lunation + offset + 1));
            if (sectorAtStart == sectorAtEnd)
            {
                return offset;
            }
        }

        // Thirteen months share eleven major terms, so one must lack a term; reaching here is a computation error.
        throw new InvalidOperationException($"No month without a major solar term found in the lunar span ending in {month11Lunation + 13}.");
    }
}
