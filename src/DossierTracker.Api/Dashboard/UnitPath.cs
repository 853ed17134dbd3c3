using DossierTracker.Organisation;

namespace DossierTracker.Api.Dashboard;

/// <summary>The units from the user's scope unit down to the chosen one, for the "viewing unit" path.</summary>
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
        path.Reverse();
        return path;
    }
}
