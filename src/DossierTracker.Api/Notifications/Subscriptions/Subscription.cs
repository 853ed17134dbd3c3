namespace DossierTracker.Api.Notifications.Subscriptions;

/// <summary>
/// An email address that hears about a unit's subtree: a digest each working morning, alerts when a dossier becomes
/// late, or both. Registered by an admin for any address, or by a signed-in account for its own (<see cref="AccountId"/>).
/// </summary>
public sealed record Subscription
{
    public required Guid Id { get; init; }
    public required string Email { get; init; }
    public required string UnitCode { get; init; }
    public required bool Digest { get; init; }
    public required bool LateAlerts { get; init; }
    public string? AccountId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A subscription as the API shows it.</summary>
public sealed record SubscriptionView(Guid Id, string Email, string UnitCode, string? UnitName, bool Digest, bool LateAlerts,
    string? AccountId, DateTimeOffset CreatedAt)
{
    public static SubscriptionView Of(Subscription s, string? unitName) =>
        new(s.Id, s.Email, s.UnitCode, unitName, s.Digest, s.LateAlerts, s.AccountId, s.CreatedAt);
}

public sealed record SubscriptionPage(int Total, int Page, int PageSize, IReadOnlyList<SubscriptionView> Items);

/// <summary>The body of <c>POST /api/subscriptions</c>.</summary>
public sealed record SubscriptionPayload(string? Email, string? UnitCode, bool? Digest, bool? LateAlerts);
