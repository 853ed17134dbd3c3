namespace DossierTracker.Calendar;

/// <summary>
/// ΔT = TD − UT in seconds. Meeus's formulas give dynamical time; the lunar calendar needs the civil day,
/// and ΔT (about a minute today) can decide the day of a new moon that falls close to midnight.
/// Polynomials of Espenak and Meeus (NASA, "Polynomial expressions for Delta T"); after 2005 they are predictions.
/// </summary>
internal static class DeltaT
{
    public static double Seconds(double julianDate)
    {
        var y = 2000.0 + (julianDate - JulianDay.J2000) / 365.25;
        return y switch
        {
            < 1800 => LongTerm(y),
            < 1860 => Poly(y - 1800, 13.72, -0.332447, 0.0068612, 0.0041116, -0.00037436, 0.0000121272, -0.0000001699, 0.000000000875),
            < 1900 => Poly(y - 1860, 7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1.0 / 233174),
            < 1920 => Poly(y - 1900, -2.79, 1.494119, -0.0598939, 0.0061966, -0.000197),
            < 1941 => Poly(y - 1920, 21.20, 0.84493, -0.076100, 0.0020936),
            < 1961 => Poly(y - 1950, 29.07, 0.407, -1.0 / 233, 1.0 / 2547),
            < 1986 => Poly(y - 1975, 45.45, 1.067, -1.0 / 260, -1.0 / 718),
            < 2005 => Poly(y - 2000, 63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599),
            < 2050 => Poly(y - 2000, 62.92, 0.32217, 0.005589),
            < 2150 => LongTerm(y) - 0.5628 * (2150 - y),
            _ => LongTerm(y),
        };
    }

    public static double ToUniversalTime(double julianEphemerisDate) =>
        julianEphemerisDate - Seconds(julianEphemerisDate) / 86_400.0;

    public static double ToDynamicalTime(double julianDateUt) =>
        julianDateUt + Seconds(julianDateUt) / 86_400.0;

    private static double LongTerm(double y)
    {
        var u = (y - 1820) / 100;
        return -20 + 32 * u * u;
    }

    private static double Poly(double t, params double[] coefficients)
    {
        var result = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = result * t + coefficients[i];
        }

        return result;
    }
}
