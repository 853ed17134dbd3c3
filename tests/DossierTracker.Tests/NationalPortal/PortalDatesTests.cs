using DossierTracker.NationalPortal;

namespace DossierTracker.Tests.NationalPortal;

public sealed class PortalDatesTests
{
    [Fact]
    public void local_midnight_is_17_utc_the_day_before()
    {
        PortalDates.TryParse("20220801000000", out var instant).ShouldBeTrue();

        instant.ShouldBe(DateTimeOffset.Parse("2022-07-31T17:00:00Z"));
    }

    [Fact]
    public void parsed_instants_are_utc_so_equal_times_fingerprint_alike()
    {
        PortalDates.TryParse("20220801091500", out var instant).ShouldBeTrue();

        instant.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void text_is_written_back_in_local_time() =>
        PortalDates.ToText(DateTimeOffset.Parse("2022-08-01T02:15:00Z")).ShouldBe("20220801091500");

    [Theory]
    [InlineData("")]
    [InlineData("2022080109150")]
    [InlineData("202208010915000")]
    [InlineData("20220230091500")]
    [InlineData("２０２２０８０１０９１５００")]
    [InlineData("00010101000000")]
    [InlineData("18991231090000")]
    [InlineData("21010101000000")]
    [InlineData("99991231235959")]
    public void anything_but_a_valid_14_digit_time_in_the_supported_years_is_refused(string text) =>
        PortalDates.TryParse(text, out _).ShouldBeFalse();
}
