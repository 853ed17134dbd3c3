using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Identity;

namespace DossierTracker.Api.Accounts;

/// <summary>
/// Creating and changing accounts, for the command line, the account's own pages and (later) the admin area. Each
/// change that alters what a session may do gives the account a new security stamp, which ends its other sessions.
/// </summary>
public sealed class AccountAdministration(AccountRegistry registry, ReferenceDataCache referenceData, TotpCodes totp, AccountAudit audit, TrackerClock clock)
{
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(AccountProfile profile, string? password, AccountActor actor, CancellationToken cancellationToken)
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
        if (!await registry.InsertAsync(account, cancellationToken)) return [new("username", "taken", $"'{profile.Username}' is taken")];
        await audit.ChangedAsync("account.created", actor, null, account, null, cancellationToken);
        return [];
    }

    /// <summary>Null when there is no such account; disabling twice changes nothing the second time.</summary>
    public async Task<Account?> DisableAsync(string username, AccountActor actor, string? reason, CancellationToken cancellationToken)
    {
        var updated = await registry.UpdateAsync(Account.IdOf(username), a => a.Disabled ? null : a.WithNewStamp() with { Disabled = true }, cancellationToken);
        if (updated is { Changed: true, Account: var after })
            await audit.ChangedAsync("account.disabled", actor, after with { Disabled = false }, after, reason, cancellationToken);
        return updated?.Account;
    }

    /// <summary>Moves an account to another role or unit; its sessions end, so the next one carries the new scope.</summary>
    public async Task<IReadOnlyList<AccountProblem>> SetRoleAndUnitAsync(string username, string role, string unitCode, AccountActor actor, string? reason,
        CancellationToken cancellationToken)
    {
        var before = await registry.LoadAsync(Account.IdOf(username), cancellationToken);
        if (before is null) return [new("username", "unknown", $"no account '{username}'")];
        var problems = AccountRules.Check(before.Profile with { Role = role, UnitCode = unitCode }, (await referenceData.GetAsync(cancellationToken)).Units);
        if (problems.Count > 0) return problems;
        var updated = await registry.UpdateAsync(before.Id, a => a.Role == role && a.UnitCode == unitCode
            ? null
            : a.WithNewStamp() with { Role = role, UnitCode = unitCode }, cancellationToken);
        if (updated is { Changed: true, Account: var after })
            await audit.ChangedAsync("account.changed", actor, before, after, reason, cancellationToken);
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
        var updated = await registry.UpdateAsync(id, a => a.WithNewStamp() with { PasswordHash = AccountSignIn.HashPassword(a, replacement!) }, cancellationToken);
        if (updated is not { Account: var after }) return (null, [new("currentPassword", "disabled", "the account no longer exists")]);
        await audit.ChangedAsync("account.password-changed", AccountActor.Of(after), null, after, null, cancellationToken);
        return (after, []);
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
            : null, cancellationToken);
        if (updated is not { Changed: true, Account: var after }) return null;
        await audit.ChangedAsync("account.totp-enabled", AccountActor.Of(after), account, after, null, cancellationToken);
        return after;
    }
}
