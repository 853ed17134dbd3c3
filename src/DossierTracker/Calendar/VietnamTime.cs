namespace DossierTracker.Calendar;

/// <summary>
/// Local time of Asia/Ho_Chi_Minh. Vietnam has kept UTC+07:00 without daylight saving since 1975,
/// so a constant offset is exact for every date we handle and avoids depending on the host's tz database.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static TimeOnly LocalTimeOfDay(DateTimeOffset instant) =>
        TimeOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time, DateTimeKind.Unspecified), Offset);
}
