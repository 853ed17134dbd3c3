using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Security;

/// <summary>
/// The unit a query is about: the <c>unit</c> parameter, or the key's scope unit, with every unit whose dossiers it
/// covers: those below it, its predecessors and those below them (<see cref="OrganisationTree.ScopeOf"/>). Unknown is a
/// 422 <c>unknown-unit</c>; outside the key's scope a 403 (contract: Clarifications → Roles; v2 "Scope").
/// </summary>
public sealed record UnitScope(Unit Unit, IReadOnlyList<Unit> Units)
{
    /// <summary>
    /// The receiving units whose dossiers count for this scope in a period starting <paramref name="periodFrom"/>: those
    /// of the scope whose dossiers are not attributed to a successor outside it (<see cref="Attribution.CountingUnit"/>).
    /// </summary>
    public string[] CountedCodes(OrganisationTree tree, DateOnly periodFrom)
    {
        var codes = Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return codes.Where(code => codes.Contains(tree.CountingUnit(code, periodFrom))).ToArray();
    }

    public static (UnitScope? Scope, IResult? Problem) Resolve(string? unitCode, ClaimsPrincipal user, OrganisationTree tree)
    {
        var code = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeUnitCode() : unitCode;
        if (tree.Find(code) is not { } unit)
            return (null, Problems.Result(ProblemCodes.UnknownUnit, $"Unit '{code}' is not in the organisation tree."));
        if (!tree.IsInScopeOf(unit.Code, user.ScopeUnitCode()))
            return (null, Problems.Result(ProblemCatalogue.Forbidden, $"Unit '{code}' is outside this key's scope."));
        return (new UnitScope(unit, tree.ScopeOf(unit.Code)), null);
    }
}
