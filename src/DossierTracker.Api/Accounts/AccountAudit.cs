namespace DossierTracker.Api.Accounts;

/// <summary>What accounts report to the audit trail: sign-ins, failures (with the username typed, never the password), lockouts and changes.</summary>
public sealed class AccountAudit(ILogger<AccountAudit> log)
{
    public Task SignedInAsync(Account account, string method, CancellationToken cancellationToken)
    {
        log.LogInformation("Account {Username} signed in ({Method})", account.Username, method);
        return Task.CompletedTask;
    }

    public Task SignInFailedAsync(string username, Account? account, string reason, CancellationToken cancellationToken)
    {
        log.LogWarning("Sign-in as {Username} refused: {Reason}", username, reason);
        return Task.CompletedTask;
    }

    public Task LockedOutAsync(Account account, CancellationToken cancellationToken)
    {
        log.LogWarning("Account {Username} locked until {Until}", account.Username, account.LockedUntil);
        return Task.CompletedTask;
    }

    public Task ChangedAsync(string action, AccountActor actor, Account? before, Account after, string? reason, CancellationToken cancellationToken)
    {
        log.LogInformation("Account {Username}: {Action} by {Actor}", after.Username, action, actor.Id);
        return Task.CompletedTask;
    }
}

/// <summary>Who changes an account: the account itself, an administrator's account, or the command line.</summary>
public sealed record AccountActor(string Kind, string Id, string? Name)
{
    public static readonly AccountActor CommandLine = new("system", "command-line", "accounts command");

    public static AccountActor Of(Account account) => new("account", account.Id, account.FullName);
}
