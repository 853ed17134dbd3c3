using DossierTracker.Calendar;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Accounts;

public enum SignInOutcome { SignedIn, CodeRequired, Refused, LockedOut, Disabled, TicketExpired }

/// <summary>What a sign-in step decided; <see cref="Account"/> is set when it signed in or asks for a code.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, Account? Account = null, string? Ticket = null);

/// <summary>
/// Password sign-in and its TOTP step. Every failure (a wrong password, a wrong or replayed code) counts against the
/// account in the database; <see cref="AccountOptions.LockoutThreshold"/> of them in a row lock it for
/// <see cref="AccountOptions.LockoutDuration"/>, on every node. A locked account is refused without its password being
/// checked. An unknown username costs the same hashing as a known one, so timing does not tell which exist.
/// Between the two steps the browser holds a ticket (the account id and its security stamp, encrypted, valid 5
/// minutes), so no node keeps sign-in state in memory.
/// </summary>
public sealed class AccountSignIn(
    AccountRegistry registry, TotpCodes totp, AccountAudit audit, TrackerClock clock, IOptions<AccountOptions> options,
    IDataProtectionProvider protection)
{
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(5);

    private static readonly PasswordHasher<Account> Hasher = new();
    /// <summary>A hash of nothing anyone can type, checked for unknown usernames so they take as long as known ones.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    private readonly ITimeLimitedDataProtector _tickets = protection.CreateProtector("DossierTracker.Accounts.SignInTicket").ToTimeLimitedDataProtector();

    public static string HashPassword(Account account, string password) => Hasher.HashPassword(account, password);

    public static PasswordVerificationResult VerifyPassword(Account account, string password) =>
        account.PasswordHash is null ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(account, account.PasswordHash, password);

    public async Task<SignInAttempt> WithPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await registry.LoadAsync(Account.IdOf(username), cancellationToken);
        if (account?.PasswordHash is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            await audit.SignInFailedAsync(username, null, "unknown username", cancellationToken);
            return new(SignInOutcome.Refused);
        }
        if (account.IsLockedAt(clock.Now))
        {
            await audit.SignInFailedAsync(username, account, "locked out", cancellationToken);
            return new(SignInOutcome.LockedOut);
        }
        var verdict = VerifyPassword(account, password);
        if (verdict == PasswordVerificationResult.Failed) return await FailAsync(account, username, "wrong password", cancellationToken);
        if (account.Disabled)
        {
            await audit.SignInFailedAsync(username, account, "account disabled", cancellationToken);
            return new(SignInOutcome.Disabled);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            account = (await registry.UpdateAsync(account.Id, a => a with { PasswordHash = HashPassword(a, password) }, cancellationToken))?.Account ?? account;
        if (account.RequiresCode)
            return new(SignInOutcome.CodeRequired, account, _tickets.Protect($"{account.Id}\n{account.SecurityStamp}", TicketLifetime));
        var signedIn = (await registry.UpdateAsync(account.Id, a => a.FailedAttempts == 0 ? null : a with { FailedAttempts = 0 }, cancellationToken))?.Account ?? account;
        await audit.SignedInAsync(signedIn, "password", cancellationToken);
        return new(SignInOutcome.SignedIn, signedIn);
    }

    /// <summary>The second step: the code from the account's authenticator, with the ticket the first step gave.</summary>
    public async Task<SignInAttempt> WithCodeAsync(string ticket, string? code, CancellationToken cancellationToken)
    {
        if (!TryReadTicket(ticket, out var id, out var stamp)) return new(SignInOutcome.TicketExpired);
        var account = await registry.LoadAsync(id, cancellationToken);
        if (account is not { Totp.Confirmed: true } || account.SecurityStamp != stamp) return new(SignInOutcome.TicketExpired);
        if (account.Disabled) return new(SignInOutcome.Disabled);
        if (account.IsLockedAt(clock.Now))
        {
            await audit.SignInFailedAsync(account.Username, account, "locked out", cancellationToken);
            return new(SignInOutcome.LockedOut);
        }
        if (totp.StepOf(account.Totp, code) is not { } step) return await FailAsync(account, account.Username, "wrong code", cancellationToken);

        // Unchanged means the step was already used: the same code again, here or on another node at the same moment.
        var updated = await registry.UpdateAsync(account.Id, a => a.Totp is { } factor && factor.LastUsedStep < step
            ? a with { Totp = factor with { LastUsedStep = step }, FailedAttempts = 0 }
            : null, cancellationToken);
        if (updated is not { Changed: true, Account: var signedIn }) return await FailAsync(account, account.Username, "code already used", cancellationToken);
        await audit.SignedInAsync(signedIn, "password and code", cancellationToken);
        return new(SignInOutcome.SignedIn, signedIn);
    }

    private async Task<SignInAttempt> FailAsync(Account account, string username, string reason, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var settings = options.Value;
        var updated = await registry.UpdateAsync(account.Id, a =>
        {
            if (a.IsLockedAt(now)) return null;
            var failures = a.FailedAttempts + 1;
            return failures >= settings.LockoutThreshold
                ? a with { FailedAttempts = 0, LockedUntil = now + settings.LockoutDuration }
                : a with { FailedAttempts = failures };
        }, cancellationToken);
        await audit.SignInFailedAsync(username, account, reason, cancellationToken);
        if (updated is not { Account: var stored, Changed: var changed } || !stored.IsLockedAt(now)) return new(SignInOutcome.Refused);
        if (changed) await audit.LockedOutAsync(stored, cancellationToken);
        return new(SignInOutcome.LockedOut);
    }

    private bool TryReadTicket(string ticket, out string id, out string stamp)
    {
        (id, stamp) = ("", "");
        try
        {
            var parts = _tickets.Unprotect(ticket).Split('\n');
            if (parts.Length != 2) return false;
            (id, stamp) = (parts[0], parts[1]);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
