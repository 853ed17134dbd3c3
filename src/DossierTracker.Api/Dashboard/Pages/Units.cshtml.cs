using DossierTracker.Organisation;

namespace DossierTracker.Api.Dashboard.Pages;

/// <summary>
/// The organisation tree from the user's scope unit down (province → departments and districts → communes), from the
/// reference data snapshot. Choosing a unit opens its overview; the link carries it to every other page.
/// </summary>
public sealed class UnitsModel : DashboardPageModel
{
    public override string PageTitle => Text.UnitsTitle;
    public override string Section => "units";

    public IReadOnlyList<Unit> ChildrenOf(Unit unit) => ReferenceData.Units.ChildrenOf(unit.Code);

    public IReadOnlyList<Unit> PredecessorsOf(Unit unit) => ReferenceData.Units.PredecessorsOf(unit.Code);

    public Unit? SuccessorOf(Unit unit) => unit.SuccessorCode is { } code ? ReferenceData.Units.Find(code) : null;

    /// <summary>
    /// The user's unit first, then the trees of the units it took over that are not below it (a province merged into
    /// it, with its districts and communes): everything the user's scope reaches.
    /// </summary>
    public IReadOnlyList<Unit> Roots()
    {
        var units = ReferenceData.Units.ScopeOf(HomeUnit!.Code);
        var scope = units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return units
            .Where(u => u.Code == HomeUnit.Code || u.ParentCode is not { } parent || !scope.Contains(parent))
            .OrderBy(u => u.Code == HomeUnit.Code ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Open the branches that lead to the chosen unit, so it is in view.</summary>
    public bool IsOnPathToChosen(Unit unit) => ReferenceData.Units.IsWithin(Selected.Unit.Code, unit.Code);

    public void OnGet()
    {
    }
}
