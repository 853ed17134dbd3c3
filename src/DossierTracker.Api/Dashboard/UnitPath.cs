using DossierTracker.Organisation;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// The units from the user's scope unit down to the chosen one, for the "viewing unit" path. A unit the user's unit
/// took over (a predecessor, or one below it) is not below the user's unit: its path starts at the user's unit, then
/// follows the predecessor's own tree.
/// </summary>
public static class UnitPath
{
    public static IReadOnlyList<Unit> From(Unit home, Unit chosen, OrganisationTree tree)
    {
        var path = new List<Unit>();
        for (var unit = chosen; unit is not null; unit = unit.ParentCode is { } parent ? tree.Find(parent) : null)
        {
            path.Add(unit);
            if (unit.Code == home.Code) break;
        }
        if (path[^1].Code != home.Code) path.Add(home);
        path.Reverse();
        return path;
    }
}
