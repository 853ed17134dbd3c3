using System.Security.Claims;
using DossierTracker.Api.Audit;

namespace DossierTracker.Api.Security;

/// <summary>Who an audit entry names for a caller: the key's id and name, never its secret.</summary>
public static class AuditActors
{
    /// <summary>An API caller, authenticated by its key (<see cref="ApiKeyAuthenticationHandler"/>).</summary>
    public static AuditActor Of(ClaimsPrincipal user) =>
        AuditActor.Key(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller has no key id."), user.KeyName());
}
