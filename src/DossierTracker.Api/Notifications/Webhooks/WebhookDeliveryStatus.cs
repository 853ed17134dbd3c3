namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>Where a delivery stands, as stored and shown.</summary>
public static class WebhookDeliveryStatus
{
    /// <summary>Not yet delivered: waiting for its first attempt, for an earlier notice of its dossier, or for a retry.</summary>
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Retried for the whole retry period without success; never sent again (dead-lettered).</summary>
    public const string Parked = "parked";
    /// <summary>Its webhook was removed before it was delivered.</summary>
    public const string Cancelled = "cancelled";
}
