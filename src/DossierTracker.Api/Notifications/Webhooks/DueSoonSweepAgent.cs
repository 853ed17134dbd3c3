using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Runs the due-soon sweep every <c>Webhooks:DueSoonSweepIntervalSeconds</c> on one node of the cluster, a Wolverine
/// singular agent like the late sweep's (<c>LateDetection/LateSweepAgent.cs</c>): the leader assigns it to one live
/// node and moves it when that node dies. One node at a time keeps the sweeps from racing for the same dossiers; the
/// notices' unique key makes a race harmless all the same (a notice is recorded once, with its deliveries).
/// </summary>
public sealed class DueSoonSweepAgent(DueSoonSweeper sweeper, IOptions<WebhookOptions> options, ILogger<DueSoonSweepAgent> logger)
    : SingularAgent("due-soon-sweep")
{
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DueSoonSweepEnabled) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => SweepPeriodicallyAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    protected override async Task stopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null) return;
        await _stopping.CancelAsync();
        await _loop;
        _stopping.Dispose();
        _stopping = null;
    }

    private async Task SweepPeriodicallyAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromSeconds(options.Value.DueSoonSweepIntervalSeconds);
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    var queued = await sweeper.SweepAsync(stopping);
                    if (queued > 0) logger.LogInformation("Queued {Count} due-soon webhook deliveries", queued);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Due-soon sweep failed; it runs again in {Seconds} s", interval.TotalSeconds);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
