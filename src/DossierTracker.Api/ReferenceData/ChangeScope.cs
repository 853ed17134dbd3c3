using DossierTracker.Organisation;

namespace DossierTracker.Api.ReferenceData;

/// <summary>
/// Which units a change may touch: those in the scope of the changer's unit (<see cref="OrganisationTree.IsInScopeOf"/>),
/// so an admin of a district adds and changes units of its own subtree only. <see cref="Unlimited"/> is the command
/// line, run on the server by its operator.
/// </summary>
public sealed record ChangeScope(string? UnitCode)
{
    public static readonly ChangeScope Unlimited = new((string?)null);

    public static ChangeScope Of(string unitCode) => new(unitCode);

    /// <summary>Province-wide data (procedures, calendar years) is for a scope at a root of the tree.</summary>
    public bool CoversProvince(OrganisationTree tree) => UnitCode is null || tree.Find(UnitCode) is { ParentCode: null };

    public bool Covers(string unitCode, OrganisationTree tree) => UnitCode is null || tree.IsInScopeOf(unitCode, UnitCode);

    /// <summary>
    /// Units of a change that leave the scope (error key → message): a stored unit outside it, or a unit whose new place in
    /// the tree is outside it. The scope unit itself may be renamed or given dates, but not moved under another parent.
    /// </summary>
    public Dictionary<string, string[]> Outside(IReadOnlyList<Unit> changed, IReadOnlyList<Unit> stored, OrganisationTree before, OrganisationTree after)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (UnitCode is null) return errors;
        var old = stored.ToDictionary(u => u.Code, StringComparer.Ordinal);
        foreach (var unit in changed)
        {
            var wasOutside = old.ContainsKey(unit.Code) && !Covers(unit.Code, before);
            var movedOut = unit.Code == UnitCode ? old.GetValueOrDefault(unit.Code)?.ParentCode != unit.ParentCode : !Covers(unit.Code, after);
            if (wasOutside || movedOut)
                errors[$"units[{unit.Code}]"] = [$"The unit '{unit.Code}' lies outside the scope of unit '{UnitCode}': an admin changes its own subtree only."];
        }
        return errors;
    }
}
