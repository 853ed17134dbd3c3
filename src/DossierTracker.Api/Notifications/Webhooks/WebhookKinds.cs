namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>The kinds of notice a webhook may ask for, as named on the wire and in the tables.</summary>
public static class WebhookKinds
{
    public const string Late = "late";
    public const string DueSoon = "due-soon";

    public static readonly IReadOnlyList<string> All = [Late, DueSoon];
}
