using DossierTracker.Organisation;
using FsCheck.Xunit;

namespace DossierTracker.Tests.Organisation;

[Properties(Arbitrary = [typeof(OrganisationArbitraries)], MaxTest = 200)]
public sealed class OrganisationTreeProperties
{
    [Property]
    public bool units_placed_by_the_level_rules_make_a_tree(AnyTree tree) =>
        OrganisationTree.Build(tree.Units).Errors.Count == 0;

    [Property]
    public bool a_unit_is_within_a_scope_exactly_when_it_is_in_the_scope_subtree(AnyTree anyTree)
    {
        var tree = OrganisationTree.Build(anyTree.Units).Tree!;

        return anyTree.Units.All(scope =>
        {
            var subtree = tree.Subtree(scope.Code).Select(u => u.Code).ToHashSet();
            return anyTree.Units.All(unit => tree.IsWithin(unit.Code, scope.Code) == subtree.Contains(unit.Code));
        });
    }

    [Property]
    public bool the_province_subtree_holds_every_unit_once(AnyTree anyTree)
    {
        var subtree = OrganisationTree.Build(anyTree.Units).Tree!.Subtree("P").Select(u => u.Code).ToList();

        return subtree.Count == anyTree.Units.Count && subtree.ToHashSet().SetEquals(anyTree.Units.Select(u => u.Code));
    }

    [Property]
    public bool a_parent_is_never_within_its_child(AnyTree anyTree)
    {
        var tree = OrganisationTree.Build(anyTree.Units).Tree!;

        return anyTree.Units.Where(u => u.ParentCode is not null).All(child => !tree.IsWithin(child.ParentCode!, child.Code));
    }
}
