using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;

namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>
/// Refused single sign-ins in the audit trail, with what the provider claimed (issuer, subject, role, unit, groups), so an
/// administrator can see which mapping or provider setting is missing. Accepted ones are recorded as password sign-ins
/// are (<see cref="AccountAudit.SignedInAsync"/>, method <c>single sign-on</c>).
/// </summary>
public sealed class SingleSignOnAudit(AuditTrail trail)
{
    public const string Method = "single sign-on";

    /// <summary>Changes single sign-on makes to accounts are made in the provider's name.</summary>
    public static AuditActor Actor(ExternalLogin login) => AuditActor.System("single-sign-on", login.Issuer);

    public Task RefusedAsync(ProviderIdentity identity, Account? account, string refusal, string? detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEntry(AuditActions.SignInFailed, Actor(identity.Login), account?.UnitCode, account?.Username ?? identity.Username, null,
            new JsonObject
            {
                ["method"] = Method,
                ["reason"] = refusal,
                ["detail"] = detail,
                ["issuer"] = identity.Login.Issuer,
                ["subject"] = identity.Login.Subject,
                ["roles"] = new JsonArray([.. identity.Roles.Select(r => JsonValue.Create(r))]),
                ["units"] = new JsonArray([.. identity.Units.Select(u => JsonValue.Create(u))]),
                ["groups"] = new JsonArray([.. identity.Groups.Select(g => JsonValue.Create(g))]),
            }, null), cancellationToken);
}
