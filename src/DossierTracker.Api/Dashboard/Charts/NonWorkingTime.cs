using DossierTracker.Calendar;

namespace DossierTracker.Api.Dashboard.Charts;

/// <summary>The stretches of a time line that the working calendar does not count, for shading.</summary>
public static class NonWorkingTime
{
    /// <summary>Non-working stretches in [from, to): days off whole, and on working days the time outside office periods.</summary>
    public static IEnumerable<(DateTimeOffset From, DateTimeOffset To)> Between(WorkingCalendar calendar, DateTimeOffset from, DateTimeOffset to, bool withHours)
    {
        var stretches = new List<(DateTimeOffset From, DateTimeOffset To)>();
        void Add(DateTimeOffset a, DateTimeOffset b)
        {
            if (b <= a) return;
            if (stretches.Count > 0 && stretches[^1].To == a) stretches[^1] = (stretches[^1].From, b);
            else stretches.Add((a, b));
        }

        for (var day = VietnamTime.LocalDate(from); day <= VietnamTime.LocalDate(to); day = day.AddDays(1))
        {
            var midnight = VietnamTime.At(day, TimeOnly.MinValue);
            var nextMidnight = VietnamTime.At(day.AddDays(1), TimeOnly.MinValue);
            if (!calendar.IsWorkingDay(day))
            {
                Add(midnight, nextMidnight);
                continue;
            }
            if (!withHours) continue;
            var cursor = midnight;
            foreach (var period in calendar.OfficeHours.Periods)
            {
                Add(cursor, VietnamTime.At(day, period.Start));
                cursor = VietnamTime.At(day, period.End);
            }
            Add(cursor, nextMidnight);
        }
        return stretches
            .Select(s => (From: s.From < from ? from : s.From, To: s.To > to ? to : s.To))
            .Where(s => s.To > s.From);
    }
}
