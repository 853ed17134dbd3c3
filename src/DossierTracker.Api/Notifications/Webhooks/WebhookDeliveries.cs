namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>One notice's delivery to one webhook, as <c>GET /api/webhooks/{id}/deliveries</c> shows it.</summary>
public sealed record WebhookDelivery(
    Guid Id, Guid NoticeId, string Kind, string DossierCode, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt);

/// <summary>A page of a webhook's deliveries, newest first.</summary>
public sealed record WebhookDeliveryPage(int Total, int Page, int PageSize, IReadOnlyList<WebhookDelivery> Items);
