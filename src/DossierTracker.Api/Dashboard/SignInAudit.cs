using System.Security.Claims;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// Dashboard sign-ins by key, and failed ones, in the audit trail (account sign-ins are recorded by the accounts' own
/// sign-in): the key's id and name, never its secret. A failure
/// names the id the presented text claims (its public part) and, when that key exists, its name and unit, so the admins
/// of that unit see attempts on their keys; text that is no key at all is recorded without an id.
/// </summary>
public static class SignInAudit
{
    public const string NotAKey = "(not a key)";

    public static Task SignedInAsync(AuditTrail audit, ApiKey key, CancellationToken ct) =>
        audit.RecordAsync(new AuditEntry(AuditActions.SignedIn, AuditActor.Key(key.Id, key.Name), key.UnitCode, key.Id, null, null, null), ct);

    public static async Task FailedAsync(AuditTrail audit, ApiKeyRegistry registry, string presented, string failure, CancellationToken ct)
    {
        var id = ApiKeySecret.TryParse(presented, out var claimed, out _) ? claimed : null;
        var known = id is null ? null : await registry.FindAsync(id, ct);
        var actor = AuditActor.Key(id ?? NotAKey, known?.Name);
        await audit.RecordAsync(new AuditEntry(AuditActions.SignInFailed, actor, known?.UnitCode, actor.Id, null,
            new JsonObject { ["failure"] = failure }, null), ct);
    }

    /// <summary>Who a dashboard session is, as the audit trail names it: its account, or the key it was opened with.</summary>
    public static AuditActor ActorOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DashboardAuthentication.AccountIdClaim) is { } account
            ? AuditActor.Account(account, user.FindFirstValue(ClaimTypes.Name))
            : AuditActor.Key(user.FindFirstValue(DashboardAuthentication.KeyIdClaim) ?? "", user.FindFirstValue(ClaimTypes.Name));
}
