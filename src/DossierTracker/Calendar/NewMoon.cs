namespace DossierTracker.Calendar;

/// <summary>
/// Instants of new moon after Meeus, "Astronomical Algorithms" (2nd ed.), chapter 49: the mean phase plus the
/// periodic terms for the new moon and the fourteen planetary arguments. Accurate to well under a minute,
/// which is what deciding the civil day of a new moon needs.
/// </summary>
internal static class NewMoon
{
    public const double SynodicMonth = 29.530588861;

    // k = 0 is the new moon of 2000-01-06; integer k are new moons.
    private const double EpochJde = 2_451_550.09766;

    /// <summary>The Julian ephemeris date (dynamical time) of lunation <paramref name="k"/>.</summary>
    public static double Jde(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        var jde = EpochJde + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;

        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = Radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        var mp = Radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        var f = Radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        var omega = Radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        var periodic =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(omega)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        var planetary =
            0.000325 * SinDegrees(299.77 + 0.107408 * k - 0.009173 * t2)
            + 0.000165 * SinDegrees(251.88 + 0.016321 * k)
            + 0.000164 * SinDegrees(251.83 + 26.651886 * k)
            + 0.000126 * SinDegrees(349.42 + 36.412478 * k)
            + 0.000110 * SinDegrees(84.66 + 18.206239 * k)
            + 0.000062 * SinDegrees(141.74 + 53.303771 * k)
            + 0.000060 * SinDegrees(207.14 + 2.453732 * k)
            + 0.000056 * SinDegrees(154.84 + 7.306860 * k)
            + 0.000047 * SinDegrees(34.52 + 27.261239 * k)
            + 0.000042 * SinDegrees(207.19 + 0.121824 * k)
            + 0.000040 * SinDegrees(291.34 + 1.844379 * k)
            + 0.000037 * SinDegrees(161.72 + 24.198154 * k)
            + 0.000035 * SinDegrees(239.56 + 25.513099 * k)
            + 0.000023 * SinDegrees(331.55 + 3.592518 * k);

        return jde + periodic + planetary;
    }

    /// <summary>The Julian day number of the Vietnamese (UTC+7) civil day on which lunation <paramref name="k"/> occurs.</summary>
    public static int LocalDay(int k) => JulianDay.LocalDayOf(DeltaT.ToUniversalTime(Jde(k)));

    /// <summary>The lunation whose new-moon day is the last one on or before <paramref name="julianDayNumber"/>.</summary>
    public static int LunationOnOrBefore(int julianDayNumber)
    {
        // The mean phase is within a day of the true one; the two loops correct that estimate by at most one step.
        var k = (int)Math.Floor((julianDayNumber - EpochJde) / SynodicMonth);
        while (LocalDay(k) > julianDayNumber)
        {
            k--;
        }

        while (LocalDay(k + 1) <= julianDayNumber)
        {
            k++;
        }

        return k;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180.0;

    private static double SinDegrees(double degrees) => Math.Sin(Radians(degrees));
}
