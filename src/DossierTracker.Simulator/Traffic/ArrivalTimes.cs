using DossierTracker.Calendar;

namespace DossierTracker.Simulator.Traffic;

/// <summary>
/// When in a day a dossier is received: in the office periods of a working day, spread evenly over the open minutes;
/// a few online dossiers are received in the evening, and weekend ones in a morning.
/// </summary>
public sealed class ArrivalTimes(WorkingCalendar calendar)
{
    private const double EveningShare = 0.04;
    private static readonly TimeOnly EveningStart = new(17, 0);
    private static readonly TimeOnly EveningEnd = new(21, 0);
    private static readonly TimeOnly WeekendStart = new(8, 0);
    private static readonly TimeOnly WeekendEnd = new(11, 0);

    public DateTimeOffset Next(DateOnly day, Random random)
    {
        if (!calendar.IsWorkingDay(day)) return At(day, Uniform(WeekendStart, WeekendEnd, random));
        if (random.Chance(EveningShare)) return At(day, Uniform(EveningStart, EveningEnd, random));

        var periods = calendar.OfficeHours.Periods;
        var offset = random.NextDouble() * calendar.OfficeHours.WorkingDayLength.TotalSeconds;
        foreach (var period in periods)
        {
            var length = period.Length.TotalSeconds;
            if (offset < length) return At(day, period.Start.Add(TimeSpan.FromSeconds(Math.Floor(offset))));
            offset -= length;
        }
        return At(day, periods[^1].Start);
    }

    private static TimeOnly Uniform(TimeOnly from, TimeOnly to, Random random) =>
        from.Add(TimeSpan.FromSeconds(Math.Floor(random.NextDouble() * (to - from).TotalSeconds)));

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => VietnamTime.At(day, time);
}
