using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace DossierTracker.Calendar;

/// <summary>
/// Resolves the days off of a year: an operator's override first, then the shipped official table, then the
/// Labour Code computation. Immutable after construction apart from its caches, so it is safe to share.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly FrozenDictionary<int, CalendarYear> _operatorOverrides;
    private readonly ConcurrentDictionary<int, CalendarYear> _years = new();
    private readonly ConcurrentDictionary<int, WorkingDayPlan> _plans = new();

    // Held once: a method group passed to GetOrAdd would allocate a delegate on every day looked up.
    private readonly Func<int, CalendarYear> _resolve;
    private readonly Func<int, WorkingDayPlan> _buildPlan;

    // Day-by-day scans stay in one year; a reference write is atomic, so a stale value only costs a lookup.
    private WorkingDayPlan? _lastPlan;

    public HolidayCalendar(IReadOnlyDictionary<int, CalendarYear>? operatorOverrides = null)
    {
        var overrides = operatorOverrides ?? new Dictionary<int, CalendarYear>();
        foreach (var (year, calendarYear) in overrides)
        {
            ArgumentNullException.ThrowIfNull(calendarYear, nameof(operatorOverrides));
            if (calendarYear.Year != year)
            {
                throw new ArgumentException(
                    $"The override filed under {year} describes {calendarYear.Year}.", nameof(operatorOverrides));
            }
        }

        _operatorOverrides = overrides.ToFrozenDictionary();
        _resolve = Resolve;
        _buildPlan = BuildPlan;
    }

    public CalendarYear For(int year) => _years.GetOrAdd(year, _resolve);

    public bool IsWorkingDay(DateOnly date)
    {
        var plan = _lastPlan;
        if (plan is null || plan.Year != date.Year)
        {
            plan = _plans.GetOrAdd(date.Year, _buildPlan);
            _lastPlan = plan;
        }

        return plan.IsWorkingDay(date);
    }

    /// <summary>Working days in [<paramref name="from"/>, <paramref name="to"/>): a year at a time, not a day at a time.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var year = from.Year; year <= to.Year && from < to; year++)
        {
            var plan = _plans.GetOrAdd(year, _buildPlan);
            count += plan.WorkingDaysBefore(to) - plan.WorkingDaysBefore(from);
        }

        return count;
    }

    private CalendarYear Resolve(int year) =>
        TryGetDeclared(year, out var declared) ? declared
        : year is >= VietnameseLunarCalendar.MinYear and <= VietnameseLunarCalendar.MaxYear ? StatutoryHolidays.Compute(year)
        : throw new CalendarRangeException(year);

    private bool TryGetDeclared(int year, out CalendarYear calendarYear) =>
        _operatorOverrides.TryGetValue(year, out calendarYear!) || OfficialHolidayTables.TryGet(year, out calendarYear);

    private WorkingDayPlan BuildPlan(int year)
    {
        // Only declared years can reach across the new year: computed holidays all lie inside their own year,
        // and not computing the neighbours keeps the lunar calendar's year limits from leaking into this year.
        var neighbours = new List<CalendarYear>(2);
        foreach (var neighbour in new[] { year - 1, year + 1 })
        {
            if (TryGetDeclared(neighbour, out var declared))
            {
                neighbours.Add(declared);
            }
        }

        return WorkingDayPlan.Build(For(year), neighbours);
    }
}
