using DossierTracker.Api.Security;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Dashboard.Overview;

/// <summary>One unit directly below the chosen unit, with the summed figures of its whole subtree.</summary>
public sealed record RankedUnit(Unit Unit, ReportFigures Figures)
{
    public bool HasDossiers => Figures.Received > 0 || Figures.Resolved > 0 || Figures.WithdrawnOrStopped > 0;
}

/// <summary>
/// The overview's ranking, taken from the month's form 06 report: the units directly below the chosen one, each with
/// its subtree's rows summed (so a district includes its communes, and its late count is exactly what the late list
/// of that district shows). Worst first: lowest on-time rate, then lowest indicator 766; units without a rate last.
/// </summary>
public sealed record UnitRanking(IReadOnlyList<RankedUnit> Ranked, IReadOnlyList<Unit> WithoutDossiers)
{
    public static UnitRanking Of(Form06Report report, UnitScope scope, OrganisationTree tree)
    {
        var rowsByChild = report.Rows
            .Where(r => r.Kind == ReportRowKind.Unit && r.UnitCode is not null)
            .Select(r => (Child: ChildOf(r.UnitCode!, scope.Unit.Code, tree), Row: r))
            .Where(x => x.Child is not null)
            .GroupBy(x => x.Child!.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ReportFigures.Sum(g.Select(x => x.Row.Figures)), StringComparer.Ordinal);

        var units = tree.ChildrenOf(scope.Unit.Code)
            .Where(child => rowsByChild.ContainsKey(child.Code))
            .Select(child => new RankedUnit(child, rowsByChild[child.Code]))
            .ToList();
        var ranked = units.Where(u => u.HasDossiers)
            .OrderBy(u => u.Figures.OnTimeRate ?? double.MaxValue)
            .ThenBy(u => u.Figures.Indicator766 ?? double.MaxValue)
            .ThenBy(u => u.Unit.Code, StringComparer.Ordinal)
            .ToList();
        return new UnitRanking(ranked, units.Where(u => !u.HasDossiers).Select(u => u.Unit).ToList());
    }

    /// <summary>The ancestor of <paramref name="unitCode"/> whose parent is <paramref name="parentCode"/>; null for the parent itself.</summary>
    private static Unit? ChildOf(string unitCode, string parentCode, OrganisationTree tree)
    {
        for (var unit = tree.Find(unitCode); unit?.ParentCode is { } parent; unit = tree.Find(parent))
        {
            if (parent == parentCode) return unit;
        }
        return null;
    }
}
