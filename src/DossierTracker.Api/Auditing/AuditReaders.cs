using System.Security.Claims;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Organisation;

namespace DossierTracker.Api.Auditing;

/// <summary>
/// An admin reads the entries of the units in its scope (<see cref="OrganisationTree.ScopeOf"/>, predecessors included),
/// the province-wide ones (procedures, calendar years) when its scope unit is a root of the tree, and its own actions.
/// </summary>
public static class AuditReaders
{
    public static AuditReader For(ClaimsPrincipal user, AuditActor self, OrganisationTree tree)
    {
        var scopeUnit = user.ScopeUnitCode();
        return new AuditReader(tree.ScopeOf(scopeUnit).Select(u => u.Code).ToList(), tree.Find(scopeUnit) is { ParentCode: null }, self);
    }
}
