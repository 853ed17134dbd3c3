using DossierTracker.NationalPortal;
using DossierTracker.Organisation;

namespace DossierTracker.Tests.NationalPortal;

/// <summary>The order of precedence for a dossier's receiving unit (NationalPortal/README.md, "The receiving unit").</summary>
public sealed class ReceivingUnitsTests
{
    private const string OldProvince = "000.00.00.H33";
    private const string OldJustice = "000.00.03.H33";
    private const string District = "000.00.32.H33";
    private const string Commune = "000.09.32.H33";
    private const string NewProvince = "000.00.00.H43";
    private const string NewJustice = "000.00.03.H43";
    private static readonly DateOnly LastDay = new(2025, 6, 30);
    private static readonly DateOnly FirstDay = new(2025, 7, 1);

    private static readonly ReceivingUnits Units = new(OrganisationTree.Build(
    [
        new Unit(OldProvince, "Tỉnh Hòa Bình", UnitLevel.Province, null, ValidTo: LastDay),
        new Unit(OldJustice, "Sở Tư pháp", UnitLevel.Department, OldProvince, ValidTo: LastDay),
        new Unit(District, "Huyện Cao Phong", UnitLevel.District, OldProvince, ValidTo: LastDay),
        new Unit(Commune, "Xã Thu Phong", UnitLevel.Commune, District, ValidTo: LastDay),
        new Unit("000.10.32.H33", "Xã Tân Lập", UnitLevel.Commune, District, ValidTo: LastDay),
        new Unit("000.11.32.H33", "Xã Tân Lập", UnitLevel.Commune, District, ValidTo: LastDay),
        new Unit(NewProvince, "Tỉnh Phú Thọ", UnitLevel.Province, null, ValidFrom: FirstDay),
        new Unit(NewJustice, "Sở Tư pháp", UnitLevel.Department, NewProvince, ValidFrom: FirstDay),
    ]).Tree!);

    private static PortalDossier Snapshot(string? body, string code = "HS-2025-0001", string receivedAt = "2025-06-20T09:00:00") =>
        PortalFixture.Snapshot(PortalStatus.Received) with { Code = code, ProcessingBody = body, ReceivedAt = PortalFixture.Local(receivedAt) };

    [Fact]
    public void a_unit_code_in_DonViXuLy_comes_first() =>
        Units.Find(Snapshot(Commune, $"{OldJustice}-250620-0001"), OldProvince).ShouldBe(new ReceivingUnit(Commune, ReceivingUnits.FromCode, null));

    [Fact]
    public void a_name_matching_one_unit_comes_before_the_dossier_code() =>
        Units.Find(Snapshot("Xã Thu Phong", $"{OldJustice}-250620-0001"), null).ShouldBe(new ReceivingUnit(Commune, ReceivingUnits.FromName, null));

    [Theory]
    [InlineData("xã thu phong")]
    [InlineData("  XÃ   THU\u00a0PHONG ")]
    [InlineData("Xa\u0303 Thu Phong")]
    public void names_match_in_NFC_ignoring_case_and_spacing(string name) =>
        Units.Find(Snapshot(name), null).Code.ShouldBe(Commune);

    [Theory]
    [InlineData("2025-06-30T16:00:00", OldJustice)]
    [InlineData("2025-07-01T08:00:00", NewJustice)]
    public void a_name_shared_across_the_reorganisation_is_the_unit_valid_on_the_receipt_date(string receivedAt, string expected) =>
        Units.Find(Snapshot("Sở Tư pháp", receivedAt: receivedAt), null).Code.ShouldBe(expected);

    [Fact]
    public void a_name_of_two_units_valid_that_day_falls_back_to_the_dossier_code_with_a_warning()
    {
        var unit = Units.Find(Snapshot("Xã Tân Lập", $"{Commune}-250620-0001"), null);

        (unit.Code, unit.From).ShouldBe((Commune, ReceivingUnits.FromDossierCode));
        unit.Note.ShouldNotBeNull().ShouldContain("Xã Tân Lập");
    }

    [Fact]
    public void without_DonViXuLy_the_dossier_codes_unit_prefix_is_taken() =>
        Units.Find(Snapshot(null, $"{District}-250620-0042"), OldProvince).Code.ShouldBe(District);

    [Fact]
    public void madonvi_is_the_last_resort() =>
        Units.Find(Snapshot("UBND xã Không Có", "HS-2025-0001"), OldProvince).From.ShouldBe(ReceivingUnits.FromEnvelope);

    [Fact]
    public void nothing_usable_leaves_no_unit_and_says_what_was_tried()
    {
        var unit = Units.Find(Snapshot("UBND xã Không Có", "000.99.99.H33-250620-0001"), "H33");

        unit.Code.ShouldBeNull();
        unit.Note.ShouldBe("The receiving unit could not be determined: DonViXuLy 'UBND xã Không Có' is neither a unit code nor the name of " +
            "exactly one unit valid on 2025-06-20; the unit prefix of MaHoSo, '000.99.99.H33', is not a unit code; madonvi 'H33' is not a unit code.");
    }

    [Theory]
    [InlineData("000.23.30.H56-240315-0001", "000.23.30.H56")]
    [InlineData("H33.31-240315-12", "H33.31")]
    [InlineData("HS-2025-0001", null)]
    [InlineData("000.23.30.H56", null)]
    public void the_unit_prefix_is_what_comes_before_the_date_and_sequence(string code, string? prefix) =>
        ReceivingUnits.UnitPrefix(code).ShouldBe(prefix);
}
