using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Security;

/// <summary>
/// The unit a query is about: the <c>unit</c> parameter, or the key's scope unit. Unknown is a 422
/// <c>unknown-unit</c>; outside the key's scope a 403 (contract: Clarifications → Roles).
/// </summary>
public sealed record UnitScope(Unit Unit, IReadOnlyList<Unit> Subtree)
{
    public string[] Codes => Subtree.Select(u => u.Code).ToArray();

    public static (UnitScope? Scope, IResult? Problem) Resolve(string? unitCode, ClaimsPrincipal user, OrganisationTree tree)
    {
        var code = string.IsNullOrWhiteSpace(unitCode) ? user.ScopeUnitCode() : unitCode;
        if (tree.Find(code) is not { } unit)
            return (null, Problems.Result(ProblemCodes.UnknownUnit, $"Unit '{code}' is not in the organisation tree."));
        if (!tree.IsWithin(unit.Code, user.ScopeUnitCode()))
            return (null, Problems.Result(ProblemCatalogue.Forbidden, $"Unit '{code}' is outside this key's scope."));
        return (new UnitScope(unit, tree.Subtree(unit.Code)), null);
    }
}
