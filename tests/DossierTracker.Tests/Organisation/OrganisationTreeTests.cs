using DossierTracker.Organisation;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Organisation;

/// <summary>Scopes: a key scoped to a unit acts on that unit and everything below it, never above or beside it.</summary>
public sealed class OrganisationTreeTests
{
    // H22 ├ SNV
    //     ├ HB ├ HB-02 (merged away after 2025-06-30)
    //     │    └ HB-01
    //     └ LS └ LS-01
    private static readonly OrganisationTree Tree = OrganisationTree.Build(
    [
        new Unit("LS-01", "Thị trấn Lương Sơn", UnitLevel.Commune, "LS"),
        new Unit("HB-02", "Xã Hòa Bình", UnitLevel.Commune, "HB", ValidTo: Local.Date("2025-06-30")),
        new Unit("HB-01", "Phường Phương Lâm", UnitLevel.Commune, "HB"),
        new Unit("LS", "Huyện Lương Sơn", UnitLevel.District, "H22"),
        new Unit("HB", "Thành phố Hòa Bình", UnitLevel.District, "H22"),
        new Unit("SNV", "Sở Nội vụ", UnitLevel.Department, "H22"),
        new Unit("H22", "Tỉnh Hòa Bình", UnitLevel.Province, null),
    ]).Tree!;

    [Theory]
    [InlineData("HB", "HB")]
    [InlineData("HB-01", "HB")]
    [InlineData("HB-01", "H22")]
    [InlineData("SNV", "H22")]
    public void a_unit_is_within_itself_and_every_unit_above_it(string unit, string scope) =>
        Tree.IsWithin(unit, scope).ShouldBeTrue();

    [Theory]
    [InlineData("HB", "HB-01")]
    [InlineData("H22", "SNV")]
    [InlineData("LS-01", "HB")]
    [InlineData("HB-02", "HB-01")]
    public void a_unit_is_not_within_a_unit_below_or_beside_it(string unit, string scope) =>
        Tree.IsWithin(unit, scope).ShouldBeFalse();

    [Fact]
    public void a_unit_past_its_validity_stays_within_its_parent() =>
        Tree.IsWithin("HB-02", "HB").ShouldBeTrue();

    [Fact]
    public void an_unknown_unit_is_within_no_scope() =>
        Tree.IsWithin("KS-01", "H22").ShouldBeFalse();

    [Fact]
    public void nothing_is_within_an_unknown_scope() =>
        Tree.IsWithin("HB-01", "KS").ShouldBeFalse();

    [Fact]
    public void the_subtree_of_a_unit_is_that_unit_and_everything_below_it() =>
        Tree.Subtree("HB").Select(u => u.Code).ShouldBe(["HB", "HB-01", "HB-02"], ignoreOrder: true);

    [Fact]
    public void the_subtree_of_a_commune_is_the_commune_alone() =>
        Tree.Subtree("LS-01").Select(u => u.Code).ShouldBe(["LS-01"]);

    [Fact]
    public void the_subtree_of_an_unknown_unit_is_empty() =>
        Tree.Subtree("KS").ShouldBeEmpty();

    [Fact]
    public void children_are_ordered_by_code() =>
        Tree.ChildrenOf("H22").Select(u => u.Code).ShouldBe(["HB", "LS", "SNV"]);

    [Fact]
    public void a_unit_without_children_has_none() =>
        Tree.ChildrenOf("SNV").ShouldBeEmpty();

    [Fact]
    public void the_roots_are_the_units_without_a_parent() =>
        Tree.Roots.Select(u => u.Code).ShouldBe(["H22"]);

    [Fact]
    public void a_unit_is_found_by_its_code() =>
        Tree.Find("HB-01").ShouldNotBeNull().Name.ShouldBe("Phường Phương Lâm");

    [Fact]
    public void codes_are_compared_exactly() =>
        Tree.Contains("hb-01").ShouldBeFalse();
}
