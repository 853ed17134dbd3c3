using DossierTracker.Organisation;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Organisation;

/// <summary>
/// Successor units (contract v2): a key reaches its units' predecessors and everything below them, never forward along
/// a succession nor sideways to a sibling's predecessors.
/// </summary>
public sealed class SuccessionTests
{
    private static readonly DateOnly LastDay = Local.Date("2025-06-30");
    private static readonly DateOnly FirstDay = Local.Date("2025-07-01");

    // Before: H33 ┬ D1 (district) ┬ C1 → X1
    //             │               └ C2 → X2
    //             (D1 → H43, H33 → H43)
    // After:  H43 ┬ X1
    //             └ X2
    private static List<Unit> Units() =>
    [
        new("H33", "Tỉnh Hòa Bình", UnitLevel.Province, null, ValidTo: LastDay, SuccessorCode: "H43"),
        new("D1", "Huyện Cao Phong", UnitLevel.District, "H33", ValidTo: LastDay, SuccessorCode: "H43"),
        new("C1", "Xã Bắc Phong", UnitLevel.Commune, "D1", ValidTo: LastDay, SuccessorCode: "X1"),
        new("C2", "Xã Thu Phong", UnitLevel.Commune, "D1", ValidTo: LastDay, SuccessorCode: "X2"),
        new("H43", "Tỉnh Phú Thọ", UnitLevel.Province, null),
        new("X1", "Xã Cao Phong", UnitLevel.Commune, "H43", ValidFrom: FirstDay),
        new("X2", "Xã Thung Nai", UnitLevel.Commune, "H43", ValidFrom: FirstDay),
    ];

    private static readonly OrganisationTree Tree = OrganisationTree.Build(Units()).Tree!;

    [Theory]
    [InlineData("C1", "X1")]   // a predecessor
    [InlineData("C1", "H43")]  // through its ceased parent's successor
    [InlineData("C2", "H43")]
    [InlineData("D1", "H43")]
    [InlineData("X1", "H43")]  // below
    [InlineData("H33", "H43")]
    public void a_key_reaches_its_predecessors_and_everything_below_them(string unit, string scope) =>
        Tree.IsInScopeOf(unit, scope).ShouldBeTrue();

    [Theory]
    [InlineData("X1", "C1")]   // never forward along a succession
    [InlineData("C2", "X1")]   // nor to a sibling successor's predecessor
    [InlineData("D1", "X1")]   // nor to the ceased parent of its predecessor
    [InlineData("H43", "H33")]
    public void a_key_does_not_reach_successors_siblings_or_the_parents_of_its_predecessors(string unit, string scope) =>
        Tree.IsInScopeOf(unit, scope).ShouldBeFalse();

    [Fact]
    public void the_scope_of_a_successor_commune_is_itself_and_its_predecessor() =>
        Tree.ScopeOf("X1").Select(u => u.Code).ShouldBe(["X1", "C1"], ignoreOrder: true);

    [Fact]
    public void the_scope_of_the_successor_province_is_both_trees() =>
        Tree.ScopeOf("H43").Select(u => u.Code).ShouldBe(Units().Select(u => u.Code), ignoreOrder: true);

    [Fact]
    public void scope_and_reach_are_the_same_relation() =>
        Tree.Units.ShouldAllBe(scope => Tree.Units.All(unit =>
            Tree.IsInScopeOf(unit.Code, scope.Code) == Tree.ScopeOf(scope.Code).Any(u => u.Code == unit.Code)));

    [Fact]
    public void predecessors_are_the_units_naming_a_unit_as_successor() =>
        Tree.PredecessorsOf("H43").Select(u => u.Code).ShouldBe(["D1", "H33"]);

    public static TheoryData<string, string?, string, string, string> BrokenSuccessions => new()
    {
        // unit's validTo, successor, successor's validFrom → expected message fragment
        { "C1", null, "X1", "2025-07-01", "Only a unit with a validTo" },
        { "C1", "2025-06-30", "C1", "2025-07-01", "its own successor" },
        { "C1", "2025-06-30", "NOPE", "2025-07-01", "'NOPE' is unknown" },
        { "C1", "2025-06-30", "X1", "2025-07-02", "must be valid on 2025-07-01" },
        { "C1", "2025-05-31", "X1", "2025-07-01", "must be valid on 2025-06-01" },
    };

    [Theory]
    [MemberData(nameof(BrokenSuccessions))]
    public void a_successor_must_exist_and_be_valid_the_day_after_the_unit_ends(string code, string? validTo, string successor, string successorFrom, string message)
    {
        var units = Units().Select(u => u.Code switch
        {
            _ when u.Code == code => u with { ValidTo = validTo is null ? null : Local.Date(validTo), SuccessorCode = successor },
            "X1" => u with { ValidFrom = Local.Date(successorFrom) },
            _ => u,
        }).ToList();

        var result = OrganisationTree.Build(units);

        result.Tree.ShouldBeNull();
        result.Errors.ShouldBeEmpty();
        result.SuccessionErrors[code].ShouldHaveSingleItem().ShouldContain(message);
    }

    [Theory]
    [InlineData("C1", "2025-06-30", "C1")]   // a period starting on its last day: still its own
    [InlineData("C1", "2025-07-01", "X1")]   // after it: the successor's
    [InlineData("D1", "2025-07-01", "H43")]
    [InlineData("X1", "2025-07-01", "X1")]
    [InlineData("H33", "2026-01-01", "H43")]
    public void a_dossier_counts_for_the_successor_in_periods_starting_after_its_units_last_day(string unit, string periodFrom, string expected) =>
        Tree.CountingUnit(unit, Local.Date(periodFrom)).ShouldBe(expected);

    [Fact]
    public void attribution_follows_a_chain_of_successors_step_by_step()
    {
        var units = Units();
        units.Add(new Unit("X3", "Xã Cao Phong (2026)", UnitLevel.Commune, "H43", ValidFrom: Local.Date("2026-01-01")));
        units[units.FindIndex(u => u.Code == "X1")] = units.Single(u => u.Code == "X1") with { ValidTo = Local.Date("2025-12-31"), SuccessorCode = "X3" };
        var tree = OrganisationTree.Build(units).Tree!;

        tree.CountingUnit("C1", Local.Date("2025-10-01")).ShouldBe("X1");
        tree.CountingUnit("C1", Local.Date("2026-01-01")).ShouldBe("X3");
    }

    [Fact]
    public void in_a_period_before_a_shown_unit_existed_its_predecessors_figures_stand_under_it()
    {
        var shown = new HashSet<string>(["X1", "X2"]);

        Tree.StandingUnit("C1", Local.Date("2025-04-01"), Local.Date("2025-06-30"), shown).ShouldBe("X1");
        // A period that reaches into the successor's first day is its own: no standing in.
        Tree.StandingUnit("C1", Local.Date("2025-04-01"), Local.Date("2025-07-01"), shown).ShouldBe("C1");
        // A successor not shown (another report's unit) leaves the predecessor's own row.
        Tree.StandingUnit("C1", Local.Date("2025-04-01"), Local.Date("2025-06-30"), new HashSet<string>(["X2"])).ShouldBe("C1");
    }
}
