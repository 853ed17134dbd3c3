using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using Marten;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// What accounts write to the audit trail. Sign-ins, failures (with the username typed, never the password) and
/// lockouts are facts of their own; a change of an account is enlisted in the session that stores it, so both commit
/// together. An account is shown by what an inspector may see: never its password hash or TOTP secret.
/// </summary>
public sealed class AccountAudit(AuditTrail trail)
{
    /// <summary>Longer usernames are cut: whatever someone types must not fill the trail.</summary>
    private const int UsernameShown = 100;

    public Task SignedInAsync(Account account, string method, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEntry(AuditActions.SignedIn, Actor(account), account.UnitCode, account.Username, null,
            new JsonObject { ["method"] = method }, null), cancellationToken);

    public Task SignInFailedAsync(string username, Account? account, string reason, CancellationToken cancellationToken)
    {
        var typed = username.Length > UsernameShown ? username[..UsernameShown] : username;
        return trail.RecordAsync(new AuditEntry(AuditActions.SignInFailed, AuditActor.System("sign-in", typed), account?.UnitCode, typed, null,
            new JsonObject { ["reason"] = reason }, null), cancellationToken);
    }

    public Task LockedOutAsync(Account account, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEntry(AuditActions.AccountLockedOut, AuditActor.System("sign-in"), account.UnitCode, account.Username, null,
            new JsonObject { ["lockedUntil"] = account.LockedUntil }, null), cancellationToken);

    /// <summary>Queues the entry of a change into the session that stores it.</summary>
    public void Enlist(IDocumentSession session, string action, AuditActor actor, Account? before, Account after, string? reason) =>
        trail.Enlist(session, new AuditEntry(action, actor, after.UnitCode, after.Username, before is null ? null : View(before), View(after), reason));

    public static AuditActor Actor(Account account) => AuditActor.Account(account.Id, account.FullName);

    private static JsonObject View(Account account) => new()
    {
        ["username"] = account.Username,
        ["name"] = account.FullName,
        ["email"] = account.Email,
        ["role"] = account.Role,
        ["unitCode"] = account.UnitCode,
        ["disabled"] = account.Disabled,
        ["twoFactor"] = account.RequiresCode,
        ["singleSignOn"] = account.ExternalLogin?.Issuer,
    };
}
