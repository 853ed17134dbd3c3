using DossierTracker.Api.Audit;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Identity;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// Creating and changing accounts, for the command line, the account's own pages and the admin area. Each change that
/// alters what a session may do gives the account a new security stamp, which ends its other sessions. Each change is
/// audited in the transaction that stores it.
/// </summary>
public sealed class AccountAdministration(AccountRegistry registry, ReferenceDataCache referenceData, TotpCodes totp, AccountAudit audit, TrackerClock clock)
{
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(AccountProfile profile, string? password, AuditActor actor, CancellationToken cancellationToken,
        string? reason = null)
    {
        var units = (await referenceData.RefreshAsync(cancellationToken)).Units;
        var problems = AccountRules.Check(profile, units).Concat(PasswordPolicy.Check(password, profile.Username)).ToList();
        if (problems.Count > 0) return problems;
        var account = new Account
        {
            Id = Account.IdOf(profile.Username),
            Username = profile.Username.Trim(),
            FullName = profile.FullName.Trim(),
            Email = profile.Email.Trim(),
            Role = profile.Role,
            UnitCode = profile.UnitCode,
            SecurityStamp = Account.NewSecurityStamp(),
            CreatedAt = clock.Now,
        };
        account = account with { PasswordHash = AccountSignIn.HashPassword(account, password!) };
        var created = await registry.InsertAsync(account, session => audit.Enlist(session, AuditActions.AccountCreated, actor, null, account, reason),
            cancellationToken);
        return created ? [] : [new("username", "taken", $"'{profile.Username}' is taken")];
    }

    /// <summary>Null when there is no such account; disabling twice changes nothing the second time.</summary>
    public async Task<Account?> DisableAsync(string username, AuditActor actor, string? reason, CancellationToken cancellationToken)
    {
        var updated = await registry.UpdateAsync(Account.IdOf(username), a => a.Disabled ? null : a.WithNewStamp() with { Disabled = true },
            cancellationToken, (session, before, after) => audit.Enlist(session, AuditActions.AccountDisabled, actor, before, after, reason));
        return updated?.Account;
    }

    /// <summary>Null when there is no such account; enabling an enabled account changes nothing.</summary>
    public async Task<Account?> EnableAsync(string username, AuditActor actor, string? reason, CancellationToken cancellationToken)
    {
        var updated = await registry.UpdateAsync(Account.IdOf(username), a => a.Disabled ? a.WithNewStamp() with { Disabled = false } : null,
            cancellationToken, (session, before, after) => audit.Enlist(session, AuditActions.AccountEnabled, actor, before, after, reason));
        return updated?.Account;
    }

    /// <summary>
    /// An administrator sets a new password (the owner forgot it): the account's sessions end and any lockout is lifted,
    /// so the owner can sign in with it at once, and must then replace it with one only they know.
    /// </summary>
    public async Task<IReadOnlyList<AccountProblem>> ResetPasswordAsync(string username, string? password, AuditActor actor, string? reason,
        CancellationToken cancellationToken)
    {
        var before = await registry.LoadAsync(Account.IdOf(username), cancellationToken);
        if (before is null) return [new("username", "unknown", $"no account '{username}'")];
        var problems = PasswordPolicy.Check(password, before.Username);
        if (problems.Count > 0) return problems;
        var updated = await registry.UpdateAsync(before.Id,
            a => a.WithNewStamp() with
            {
                PasswordHash = AccountSignIn.HashPassword(a, password!), FailedAttempts = 0, LockedUntil = null, MustChangePassword = true,
            },
            cancellationToken, (session, previous, after) => audit.Enlist(session, AuditActions.AccountPasswordReset, actor, previous, after, reason));
        return updated is null ? [new("username", "unknown", $"no account '{username}'")] : [];
    }

    /// <summary>Removes the second factor (a lost phone): the owner signs in with the password alone and may enrol again.</summary>
    public async Task<Account?> TurnOffTotpAsync(string username, AuditActor actor, string? reason, CancellationToken cancellationToken)
    {
        var updated = await registry.UpdateAsync(Account.IdOf(username), a => a.Totp is null ? null : a.WithNewStamp() with { Totp = null },
            cancellationToken, (session, before, after) => audit.Enlist(session, AuditActions.AccountTotpDisabled, actor, before, after, reason));
        return updated?.Account;
    }

    /// <summary>Moves an account to another role or unit; its sessions end, so the next one carries the new scope.</summary>
    public async Task<IReadOnlyList<AccountProblem>> SetRoleAndUnitAsync(string username, string role, string unitCode, AuditActor actor, string? reason,
        CancellationToken cancellationToken)
    {
        var before = await registry.LoadAsync(Account.IdOf(username), cancellationToken);
        if (before is null) return [new("username", "unknown", $"no account '{username}'")];
        var problems = AccountRules.Check(before.Profile with { Role = role, UnitCode = unitCode }, (await referenceData.GetAsync(cancellationToken)).Units);
        if (problems.Count > 0) return problems;
        await registry.UpdateAsync(before.Id, a => a.Role == role && a.UnitCode == unitCode
            ? null
            : a.WithNewStamp() with { Role = role, UnitCode = unitCode },
            cancellationToken, (session, previous, after) => audit.Enlist(session, AuditActions.AccountChanged, actor, previous, after, reason));
        return [];
    }

    /// <summary>The account's own change: the current password proves it is the owner at the keyboard.</summary>
    public async Task<(Account? Account, IReadOnlyList<AccountProblem> Problems)> ChangePasswordAsync(string id, string? current, string? replacement,
        CancellationToken cancellationToken)
    {
        var account = await registry.LoadAsync(id, cancellationToken);
        if (account is null || account.Disabled) return (null, [new("currentPassword", "disabled", "the account is disabled")]);
        if (AccountSignIn.VerifyPassword(account, current ?? "") == PasswordVerificationResult.Failed)
            return (null, [new("currentPassword", "wrong", "is not the current password")]);
        var problems = PasswordPolicy.Check(replacement, account.Username);
        if (problems.Count > 0) return (null, problems);
        if (replacement == current) return (null, [new("newPassword", "unchanged", "must differ from the current password")]);
        var updated = await registry.UpdateAsync(id, a => a.WithNewStamp() with { PasswordHash = AccountSignIn.HashPassword(a, replacement!), MustChangePassword = false },
            cancellationToken, (session, before, after) => audit.Enlist(session, AuditActions.AccountPasswordChanged, AccountAudit.Actor(after), before, after, null));
        return updated is { Account: var after } ? (after, []) : (null, [new("currentPassword", "disabled", "the account no longer exists")]);
    }

    /// <summary>A new, unconfirmed second factor replacing any unconfirmed one; its secret is returned to be shown once.</summary>
    public async Task<string?> BeginTotpAsync(string id, CancellationToken cancellationToken)
    {
        var (factor, secret) = totp.NewFactor();
        var updated = await registry.UpdateAsync(id, a => a.RequiresCode ? null : a with { Totp = factor }, cancellationToken);
        return updated is { Changed: true } ? secret : null;
    }

    /// <summary>Turns the second factor on once the owner types a code from it; the code's step counts as used.</summary>
    public async Task<Account?> ConfirmTotpAsync(string id, string? code, CancellationToken cancellationToken)
    {
        var account = await registry.LoadAsync(id, cancellationToken);
        if (account?.Totp is not { Confirmed: false } pending || totp.StepOf(pending, code) is not { } step) return null;
        var updated = await registry.UpdateAsync(id, a => a.Totp == pending
            ? a.WithNewStamp() with { Totp = pending with { Confirmed = true, LastUsedStep = step } }
            : null, cancellationToken, (session, before, after) => audit.Enlist(session, AuditActions.AccountTotpEnabled, AccountAudit.Actor(after), before, after, null));
        return updated is { Changed: true, Account: var after } ? after : null;
    }
}
