using DossierTracker.Calendar;

namespace DossierTracker.Tests.Calendar;

/// <summary>The worked examples of Meeus, "Astronomical Algorithms", pin the formulas the lunar calendar rests on.</summary>
public sealed class AstronomyTests
{
    [Fact]
    public void new_moon_of_february_1977_matches_meeus_example_49a() =>
        Assert.Equal(2_443_192.65118, NewMoon.Jde(-283), 0.00002);

    [Fact]
    public void apparent_solar_longitude_matches_meeus_example_25a() =>
        Assert.Equal(199.90895, SolarLongitude.ApparentDegrees(2_448_908.5), 0.0002);

    [Fact]
    public void julian_day_number_of_2000_01_01_is_2451545() =>
        Assert.Equal(2_451_545, JulianDay.FromDate(new DateOnly(2000, 1, 1)));

    [Fact]
    public void julian_day_numbers_turn_back_into_the_same_dates()
    {
        var dates = Enumerable.Range(0, 400).Select(i => new DateOnly(1900, 1, 1).AddDays(i * 277)).ToArray();

        Assert.Equal(dates, dates.Select(date => JulianDay.ToDate(JulianDay.FromDate(date))));
    }

    // Observed values; after 2005 the polynomials are predictions (about 5 s high by 2025), harmless for civil days.
    [Theory]
    [InlineData(1920.0, 21.2)]
    [InlineData(1950.0, 29.1)]
    [InlineData(1980.0, 50.5)]
    [InlineData(2000.0, 63.8)]
    public void delta_t_matches_observed_values(double year, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, DeltaT.Seconds(JulianDay.J2000 + (year - 2000) * 365.25), 1.5);

    [Fact]
    public void the_new_moon_of_tet_2026_falls_on_17_february_in_vietnam()
    {
        var k = NewMoon.LunationOnOrBefore(JulianDay.FromDate(new DateOnly(2026, 2, 20)));

        Assert.Equal(new DateOnly(2026, 2, 17), JulianDay.ToDate(NewMoon.LocalDay(k)));
    }

    [Fact]
    public void the_sun_is_past_the_winter_solstice_when_23_december_begins()
    {
        var sector = SolarLongitude.SectorAtLocalMidnight(JulianDay.FromDate(new DateOnly(2025, 12, 23)));

        Assert.Equal(9, sector);
    }
}
