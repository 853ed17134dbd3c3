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

    /// <summary>Open the branches that lead to the chosen unit, so it is in view.</summary>
    public bool IsOnPathToChosen(Unit unit) => ReferenceData.Units.IsWithin(Selected.Unit.Code, unit.Code);

    public void OnGet()
    {
    }
}
