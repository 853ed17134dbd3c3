using DossierTracker.Api.Scheduling;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Notifications.Digests;

/// <summary>
/// Looks every <c>Notifications:DigestCheckSeconds</c> whether today's digests are due, on one node of the cluster
/// (a periodic singular agent, like the late sweep); it looks at once when it starts, which catches up a digest
/// missed during downtime the same day.
/// </summary>
public sealed class DigestAgent(DigestScheduler scheduler, IOptions<NotificationOptions> options, ILogger<DigestAgent> logger)
    : PeriodicSingularAgent("notification-digest", logger)
{
    protected override bool Enabled => options.Value.DigestEnabled && options.Value.SendsEmail;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.DigestCheckSeconds));

    protected override async Task RunOnceAsync(CancellationToken stopping)
    {
        var handedOut = await scheduler.RunAsync(stopping);
        if (handedOut > 0) logger.LogInformation("Handed out {Count} daily digests", handedOut);
    }
}
