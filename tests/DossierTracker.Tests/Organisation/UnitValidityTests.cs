using DossierTracker.Organisation;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Organisation;

/// <summary>Validity dates are inclusive local dates; a missing bound is open.</summary>
public sealed class UnitValidityTests
{
    private static readonly Unit Commune = new("HB-02", "Xã Hòa Bình", UnitLevel.Commune, "HB", Local.Date("2020-01-01"), Local.Date("2025-06-30"));

    [Theory]
    [InlineData("2019-12-31", false)]
    [InlineData("2020-01-01", true)]
    [InlineData("2025-06-30", true)]
    [InlineData("2025-07-01", false)]
    public void a_unit_is_valid_from_its_first_to_its_last_day(string date, bool valid) =>
        Commune.IsValidOn(Local.Date(date)).ShouldBe(valid);

    [Fact]
    public void a_unit_without_dates_is_always_valid() =>
        (Commune with { ValidFrom = null, ValidTo = null }).IsValidOn(Local.Date("1990-01-01")).ShouldBeTrue();

    [Theory]
    [InlineData("2025-06-30", "2025-09-30", true)]
    [InlineData("2025-07-01", "2025-09-30", false)]
    [InlineData("2019-10-01", "2020-01-01", true)]
    [InlineData("2019-10-01", "2019-12-31", false)]
    [InlineData("2019-01-01", "2026-12-31", true)]
    public void a_unit_is_valid_during_a_span_that_shares_at_least_one_day_with_its_validity(string from, string to, bool valid) =>
        Commune.IsValidDuring(Local.Date(from), Local.Date(to)).ShouldBe(valid);
}
