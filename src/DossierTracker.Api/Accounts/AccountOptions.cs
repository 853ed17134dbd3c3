namespace DossierTracker.Api.Accounts;

/// <summary>Configuration section <c>Accounts</c>: when repeated failures lock an account, and for how long.</summary>
public sealed class AccountOptions
{
    /// <summary>Failed passwords or codes in a row that lock the account.</summary>
    public int LockoutThreshold { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);
}
