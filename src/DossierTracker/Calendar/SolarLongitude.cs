namespace DossierTracker.Calendar;

/// <summary>
/// The Sun's apparent geometric longitude after Meeus chapter 25 (the lower-accuracy method, about 0.01°,
/// i.e. a quarter of an hour in the timing of a solar term). Lunar months are placed by which
/// major solar term (a multiple of 30°) they contain.
/// </summary>
internal static class SolarLongitude
{
    /// <summary>Apparent longitude in degrees, 0 ≤ λ &lt; 360, at Julian ephemeris date <paramref name="jde"/>.</summary>
    public static double ApparentDegrees(double jde)
    {
        var t = (jde - JulianDay.J2000) / 36_525.0;
        var meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = Radians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t);
        var equationOfCentre =
            (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000289 * Math.Sin(3 * meanAnomaly);
        var trueLongitude = meanLongitude + equationOfCentre;

        // Nutation and aberration, which move the Sun by about 20″ as seen from the Earth.
        var omega = Radians(125.04 - 1934.136 * t);
        var apparent = trueLongitude - 0.00569 - 0.00478 * Math.Sin(omega);
        return Normalised(apparent);
    }

    /// <summary>
    /// Which 30° sector the Sun is in when local day <paramref name="julianDayNumber"/> begins (0 = from 0°,
    /// 9 = from the winter solstice). A month contains a major term exactly when this differs between
    /// its first day and the first day of the next month.
    /// </summary>
    public static int SectorAtLocalMidnight(int julianDayNumber)
    {
        var jde = DeltaT.ToDynamicalTime(JulianDay.LocalMidnight(julianDayNumber));
        return (int)(ApparentDegrees(jde) / 30.0);
    }

    private static double Normalised(double degrees)
    {
        var result = degrees % 360.0;
        return result < 0 ? result + 360.0 : result;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;
}
