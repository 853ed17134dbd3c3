using DossierTracker.Organisation;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Organisation;

/// <summary>What makes a list of units an organisation tree (contract: Reference data, <c>PUT /api/units</c>).</summary>
public sealed class OrganisationTreeRulesTests
{
    private static readonly Unit Province = new("H22", "Tỉnh Hòa Bình", UnitLevel.Province, null);
    private static readonly Unit District = new("HB", "Thành phố Hòa Bình", UnitLevel.District, "H22");

    private static OrganisationTreeResult Build(params Unit[] units) => OrganisationTree.Build(units);

    [Fact]
    public void a_province_with_a_department_a_district_and_its_communes_is_a_tree() =>
        Build(Province, new Unit("SNV", "Sở Nội vụ", UnitLevel.Department, "H22"), District,
                new Unit("HB-01", "Phường Phương Lâm", UnitLevel.Commune, "HB"), new Unit("H22-01", "Phường Kỳ Sơn", UnitLevel.Commune, "H22"))
            .ShouldSatisfyAllConditions(r => r.Errors.ShouldBeEmpty(), r => r.Tree.ShouldNotBeNull());

    [Fact]
    public void no_units_make_an_empty_tree() =>
        Build().Tree.ShouldNotBeNull().Units.ShouldBeEmpty();

    [Fact]
    public void a_refused_list_builds_no_tree() =>
        Build(District).Tree.ShouldBeNull();

    [Fact]
    public void a_unit_code_given_twice_is_refused() =>
        Build(Province, District, District with { Name = "Thành phố Hòa Bình (mới)" }).Errors["HB"].ShouldBe(["The unit code appears more than once."]);

    [Fact]
    public void valid_to_before_valid_from_is_refused() =>
        Build(Province, District with { ValidFrom = Local.Date("2025-07-01"), ValidTo = Local.Date("2025-06-30") })
            .Errors["HB"].ShouldBe(["validTo is before validFrom."]);

    [Fact]
    public void a_unit_valid_for_a_single_day_is_accepted() =>
        Build(Province, District with { ValidFrom = Local.Date("2025-06-30"), ValidTo = Local.Date("2025-06-30") }).Errors.ShouldBeEmpty();

    [Theory]
    [InlineData(UnitLevel.Department)]
    [InlineData(UnitLevel.District)]
    [InlineData(UnitLevel.Commune)]
    public void a_unit_below_province_level_without_a_parent_is_refused(UnitLevel level) =>
        Build(new Unit("X", "Đơn vị", level, null)).Errors["X"].ShouldBe([$"A {level.ToString().ToLowerInvariant()} needs a parentCode."]);

    [Fact]
    public void two_provinces_without_parents_are_accepted() =>
        Build(Province, new Unit("H25", "Tỉnh Phú Thọ", UnitLevel.Province, null)).Errors.ShouldBeEmpty();

    [Fact]
    public void a_unit_that_is_its_own_parent_is_refused() =>
        Build(Province, District with { ParentCode = "HB" }).Errors["HB"].ShouldContain("A unit cannot be its own parent.");

    [Fact]
    public void a_unit_with_an_unknown_parent_is_refused() =>
        Build(Province, District with { ParentCode = "H99" }).Errors["HB"].ShouldBe(["The parent unit 'H99' is unknown."]);

    [Theory]
    [InlineData(UnitLevel.Department, UnitLevel.Province)]
    [InlineData(UnitLevel.District, UnitLevel.Province)]
    [InlineData(UnitLevel.Commune, UnitLevel.District)]
    [InlineData(UnitLevel.Commune, UnitLevel.Province)]
    public void a_unit_under_a_parent_of_an_allowed_level_is_accepted(UnitLevel level, UnitLevel parentLevel) =>
        Build(Chain(level, parentLevel)).Errors.ShouldBeEmpty();

    [Theory]
    [InlineData(UnitLevel.Province, UnitLevel.Province)]
    [InlineData(UnitLevel.Province, UnitLevel.District)]
    [InlineData(UnitLevel.Department, UnitLevel.Department)]
    [InlineData(UnitLevel.Department, UnitLevel.District)]
    [InlineData(UnitLevel.District, UnitLevel.District)]
    [InlineData(UnitLevel.District, UnitLevel.Department)]
    [InlineData(UnitLevel.Commune, UnitLevel.Department)]
    [InlineData(UnitLevel.Commune, UnitLevel.Commune)]
    public void a_unit_under_a_parent_of_another_level_is_refused(UnitLevel level, UnitLevel parentLevel) =>
        Build(Chain(level, parentLevel)).Errors["CHILD"]
            .ShouldBe([$"A {level.ToString().ToLowerInvariant()} cannot have a {parentLevel.ToString().ToLowerInvariant()} as parent."]);

    [Fact]
    public void a_parent_chain_that_loops_is_refused_for_every_unit_on_it()
    {
        var errors = Build(Province, new Unit("A", "A", UnitLevel.Commune, "B"), new Unit("B", "B", UnitLevel.District, "A")).Errors;

        (errors["A"].Contains("The parent chain forms a cycle."), errors["B"].Contains("The parent chain forms a cycle.")).ShouldBe((true, true));
    }

    [Fact]
    public void every_faulty_unit_gets_its_own_errors() =>
        Build(Province, District with { ParentCode = "H99" }, new Unit("X", "X", UnitLevel.Commune, null)).Errors.Keys.ShouldBe(["HB", "X"], ignoreOrder: true);

    /// <summary>A unit "CHILD" of <paramref name="level"/> under a parent of <paramref name="parentLevel"/>, itself placed where it is allowed.</summary>
    private static Unit[] Chain(UnitLevel level, UnitLevel parentLevel)
    {
        var parent = parentLevel switch
        {
            UnitLevel.Province => Province,
            UnitLevel.Commune => new Unit("PARENT", "Xã", UnitLevel.Commune, "HB"),
            _ => new Unit("PARENT", "Cấp trên", parentLevel, "H22"),
        };
        return [.. new[] { Province, District, parent }.DistinctBy(u => u.Code), new Unit("CHILD", "Đơn vị", level, parent.Code)];
    }
}
