namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>The body of <c>POST /api/webhooks</c>.</summary>
public sealed record WebhookRegistrationPayload(string? Url, string? UnitCode, IReadOnlyList<string?>? Events)
{
    public const int MaxUrlLength = 2000;

    /// <summary>The field errors of the payload (the unit is checked against the tree and the caller's scope apart).</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Url) || Url.Length > MaxUrlLength
            || !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
            errors["url"] = [$"url must be an absolute http or https URL without user information, at most {MaxUrlLength} characters."];
        if (string.IsNullOrWhiteSpace(UnitCode)) errors["unitCode"] = ["unitCode is required."];
        if (Events is null || Events.Count == 0)
            errors["events"] = [$"events must list at least one of {string.Join(", ", WebhookKinds.All)}."];
        else
            for (var i = 0; i < Events.Count; i++)
                if (Events[i] is not { } kind || !WebhookKinds.All.Contains(kind, StringComparer.Ordinal))
                    errors[$"events[{i}]"] = [$"Unknown event kind; expected one of {string.Join(", ", WebhookKinds.All)}."];
        return errors;
    }
}
