namespace DossierTracker.Api.Audit;

/// <summary>
/// The stored names of audited actions: part of the schema (stable, never renamed once shipped). A new kind of change
/// adds a name here, so the <c>action</c> filter of <c>GET /api/audit</c> knows it.
/// </summary>
public static class AuditActions
{
    public const string UnitCreated = "unit.created";
    public const string UnitChanged = "unit.changed";
    public const string ProcedureCreated = "procedure.created";
    public const string ProcedureChanged = "procedure.changed";
    public const string CalendarYearCorrected = "calendar-year.corrected";
    public const string KeyCreated = "key.created";
    public const string KeyRevoked = "key.revoked";
    public const string SignedIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string AccountLockedOut = "account.locked-out";
    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountChanged = "account.changed";
    public const string AccountPasswordChanged = "account.password-changed";
    public const string AccountTotpEnabled = "account.totp-enabled";
    // Notifications (issue 19).
    public const string SubscriptionCreated = "subscription.created";
    public const string SubscriptionChanged = "subscription.changed";
    public const string SubscriptionDeleted = "subscription.deleted";
    public const string WebhookRegistered = "webhook.registered";
    public const string WebhookRemoved = "webhook.removed";
    // The admin area's changes of accounts (issue 18 part 3).
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountTotpDisabled = "account.totp-disabled";

    public static readonly IReadOnlyList<string> All =
    [
        UnitCreated, UnitChanged, ProcedureCreated, ProcedureChanged, CalendarYearCorrected, KeyCreated, KeyRevoked,
        SignedIn, SignInFailed, AccountLockedOut, AccountCreated, AccountDisabled, AccountChanged, AccountPasswordChanged,
        AccountTotpEnabled,
        SubscriptionCreated, SubscriptionChanged, SubscriptionDeleted, WebhookRegistered, WebhookRemoved,
        AccountEnabled, AccountPasswordReset, AccountTotpDisabled,
    ];
}
