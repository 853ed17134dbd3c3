namespace DossierTracker.Calendar;

/// <summary>
/// Julian day numbers: the day count astronomers use, so the Meeus formulas can be applied to dates directly.
/// The JDN of a date is the Julian date at its noon.
/// </summary>
internal static class JulianDay
{
    // DateOnly.DayNumber counts from 0001-01-01 (proleptic Gregorian), whose JDN is 1721426.
    private const int DayNumberEpoch = 1_721_426;

    public const double J2000 = 2_451_545.0;

    public static int FromDate(DateOnly date) => date.DayNumber + DayNumberEpoch;

    public static DateOnly ToDate(int julianDayNumber) => DateOnly.FromDayNumber(julianDayNumber - DayNumberEpoch);

    /// <summary>The Julian date (UT) at which local day <paramref name="julianDayNumber"/> begins in Vietnam.</summary>
    public static double LocalMidnight(int julianDayNumber) =>
        julianDayNumber - 0.5 - VietnamTime.Offset.TotalDays;

    /// <summary>The local (UTC+7) day on which a UT Julian date falls.</summary>
    public static int LocalDayOf(double julianDateUt) =>
        (int)Math.Floor(julianDateUt + VietnamTime.Offset.TotalDays + 0.5);
}
