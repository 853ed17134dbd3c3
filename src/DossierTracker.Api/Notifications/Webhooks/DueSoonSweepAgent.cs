using DossierTracker.Api.Scheduling;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Runs the due-soon sweep every <c>Webhooks:DueSoonSweepIntervalSeconds</c> on one node of the cluster (a periodic
/// singular agent, like the late sweep). One node at a time keeps the sweeps from racing for the same dossiers; the
/// notices' unique key makes a race harmless all the same (a notice is recorded once, with its deliveries).
/// </summary>
public sealed class DueSoonSweepAgent(DueSoonSweeper sweeper, IOptions<WebhookOptions> options, ILogger<DueSoonSweepAgent> logger)
    : PeriodicSingularAgent("due-soon-sweep", logger)
{
    protected override bool Enabled => options.Value.DueSoonSweepEnabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.DueSoonSweepIntervalSeconds);

    protected override async Task RunOnceAsync(CancellationToken stopping)
    {
        var queued = await sweeper.SweepAsync(stopping);
        if (queued > 0) logger.LogInformation("Queued {Count} due-soon webhook deliveries", queued);
    }
}
