using BenchmarkDotNet.Attributes;
using DossierTracker.Calendar;

namespace DossierTracker.Benchmarks;

/// <summary>
/// The two calendar operations on the hot path: a due time at reception, and working time spent (paused spans,
/// overdue hours). Measured on a warm calendar, as the service keeps one for its lifetime.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class WorkingCalendarBenchmarks // not sealed: BenchmarkDotNet derives from benchmark classes
{
    private static readonly DateTimeOffset ReceivedBeforeTet = new(2026, 2, 10, 10, 0, 0, VietnamTime.Offset);
    private static readonly DateTimeOffset QuarterStart = new(2026, 1, 15, 9, 0, 0, VietnamTime.Offset);
    private static readonly DateTimeOffset QuarterEnd = new(2026, 4, 15, 15, 0, 0, VietnamTime.Offset);
    private static readonly DateTimeOffset FiveYearsBefore = new(2021, 4, 15, 15, 0, 0, VietnamTime.Offset);
    private static readonly ProcessingTime ThirtyWorkingDays = new(30, ProcessingTimeUnit.WorkingDays);

    private WorkingCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new WorkingCalendar(OfficeHours.Default, new HolidayCalendar());
        _calendar.DueTime(ReceivedBeforeTet, ThirtyWorkingDays);
        _calendar.WorkingTimeBetween(FiveYearsBefore, QuarterEnd);
    }

    [Benchmark(Description = "DueTime 30 working days across Tết 2026")]
    public DateTimeOffset DueTimeAcrossTet() => _calendar.DueTime(ReceivedBeforeTet, ThirtyWorkingDays);

    [Benchmark(Description = "WorkingTimeBetween over 3 months")]
    public TimeSpan WorkingTimeOverThreeMonths() => _calendar.WorkingTimeBetween(QuarterStart, QuarterEnd);

    // The overdue hours of a dossier left open for years, which a late list computes for each of its rows.
    [Benchmark(Description = "WorkingTimeBetween over 5 years")]
    public TimeSpan WorkingTimeOverFiveYears() => _calendar.WorkingTimeBetween(FiveYearsBefore, QuarterEnd);
}
