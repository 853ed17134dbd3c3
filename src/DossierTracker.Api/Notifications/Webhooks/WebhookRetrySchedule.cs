using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Exponential backoff: after the n-th failed attempt wait <c>FirstRetryDelay × 2^(n-1)</c>, at most <c>MaxRetryDelay</c>,
/// while the waits add up to no more than <c>RetryFor</c>; then the notice is parked. Counted in attempts rather than
/// read off a clock, so a notice gets the same schedule however long the tracker was down between attempts (defaults:
/// 30 s, 1 min, ... 32 min, then hourly: 30 attempts over a day).
/// </summary>
public sealed class WebhookRetrySchedule(IOptions<WebhookOptions> options)
{
    /// <summary>How long to wait after <paramref name="failedAttempts"/> failed attempts; null when the notice is to be parked.</summary>
    public TimeSpan? DelayAfter(int failedAttempts)
    {
        var settings = options.Value;
        var delay = settings.FirstRetryDelay;
        var waited = TimeSpan.Zero;
        for (var attempt = 1; attempt <= failedAttempts; attempt++)
        {
            if (attempt > 1) delay = delay * 2 < settings.MaxRetryDelay ? delay * 2 : settings.MaxRetryDelay;
            waited += delay;
        }
        return waited <= settings.RetryFor ? delay : null;
    }
}
