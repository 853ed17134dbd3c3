namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Whether the due-soon sweep runs on this cluster (tests drive it by hand).</summary>
    public bool DueSoonSweepEnabled { get; set; } = true;
    public int DueSoonSweepIntervalSeconds { get; set; } = 60;
    /// <summary>A dossier is due soon from this many working hours before its due time (as the due-soon list's default).</summary>
    public double DueSoonWorkingHours { get; set; } = 8;
    /// <summary>The wait after the first failed attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>How long a notice is retried (the sum of the waits) before it is parked.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromDays(1);
    /// <summary>How long one POST may take; the receiver should answer at once and work later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
