namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>A registered webhook as the API shows it: never its secret.</summary>
public sealed record Webhook(Guid Id, string Url, string UnitCode, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public bool Wants(string kind) => Events.Contains(kind, StringComparer.Ordinal);
}

/// <summary>The answer to a registration: the webhook and its signing secret, shown this once.</summary>
public sealed record RegisteredWebhook(Guid Id, string Url, string UnitCode, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret);

/// <summary>The webhooks in the caller's scope.</summary>
public sealed record WebhookList(IReadOnlyList<Webhook> Items);
