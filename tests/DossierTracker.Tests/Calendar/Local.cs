using System.Globalization;
using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

/// <summary>Readable instants for tests: "2026-02-13 16:00" is Vietnamese wall-clock time.</summary>
internal static class Local
{
    public static DateTimeOffset Time(string localDateTime) =>
        new(DateTime.ParseExact(localDateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), VietnamTime.Offset);

    public static DateOnly Date(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static WorkingCalendar DefaultCalendar() => new(OfficeHours.Default, new HolidayCalendar());
}
