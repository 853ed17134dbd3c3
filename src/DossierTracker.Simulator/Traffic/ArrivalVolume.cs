using System.Collections.Concurrent;
using DossierTracker.Calendar;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// How many dossiers a day brings: a yearly total spread over the year's working days (Mondays busiest), a trickle of
/// online dossiers received at ordinary weekends, nothing on public holidays, and the Tết dip: the working days of the
/// week either side of the Tết break bring a fraction of the usual.
/// </summary>
public sealed class ArrivalVolume(WorkingCalendar calendar, double dossiersPerYear)
{
    private const double WeekendShare = 0.02;
    private const double TetWeekShare = 0.35;
    private const int TetWeekDays = 7;

    private readonly ConcurrentDictionary<int, double> _yearWeights = new();
    private readonly ConcurrentDictionary<int, (DateOnly First, DateOnly Last)> _tetBreaks = new();

    public double Expected(DateOnly day) => dossiersPerYear * Weight(day) / _yearWeights.GetOrAdd(day.Year, YearWeight);

    private double Weight(DateOnly day)
    {
        if (!calendar.IsWorkingDay(day)) return IsHoliday(day) ? 0 : WeekendShare;
        var weekday = day.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.15,
            DayOfWeek.Tuesday => 1.05,
            DayOfWeek.Friday => 0.9,
            DayOfWeek.Saturday => 0.6, // a swapped working Saturday
            _ => 1.0,
        };
        return IsInTetWeek(day) ? weekday * TetWeekShare : weekday;
    }

    /// <summary>A day off by a government decision (or the Labour Code), not merely a weekend.</summary>
    private bool IsHoliday(DateOnly day) =>
        Enumerable.Range(day.Year - 1, 3).Any(year => calendar.Holidays.For(year).DaysOff.Contains(day));

    private bool IsInTetWeek(DateOnly day)
    {
        var (first, last) = _tetBreaks.GetOrAdd(day.Year, TetBreak);
        return (day < first && first.DayNumber - day.DayNumber <= TetWeekDays)
            || (day > last && day.DayNumber - last.DayNumber <= TetWeekDays);
    }

    /// <summary>The run of days off around the lunar new year (Tết always falls in January or February).</summary>
    private (DateOnly First, DateOnly Last) TetBreak(int year)
    {
        var tet = VietnameseLunarCalendar.NewYear(year);
        var (first, last) = (tet, tet);
        while (!calendar.IsWorkingDay(first.AddDays(-1))) first = first.AddDays(-1);
        while (!calendar.IsWorkingDay(last.AddDays(1))) last = last.AddDays(1);
        return (first, last);
    }

    private double YearWeight(int year)
    {
        var total = 0.0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1)) total += Weight(day);
        return total;
    }
}
