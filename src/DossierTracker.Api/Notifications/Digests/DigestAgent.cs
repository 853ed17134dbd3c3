using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace DossierTracker.Api.Notifications.Digests;

/// <summary>
/// Looks every <c>Notifications:DigestCheckSeconds</c> whether today's digests are due, on one node of the cluster
/// (a Wolverine singular agent, like the late sweep); it looks at once when it starts, which catches up a digest
/// missed during downtime the same day.
/// </summary>
public sealed class DigestAgent(DigestScheduler scheduler, IOptions<NotificationOptions> options, ILogger<DigestAgent> logger)
    : SingularAgent("notification-digest")
{
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DigestEnabled || !options.Value.SendsEmail) return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        _loop = Task.Run(() => LookPeriodicallyAsync(_stopping.Token), CancellationToken.None);
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

    private async Task LookPeriodicallyAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.DigestCheckSeconds)));
        try
        {
            do
            {
                try
                {
                    var handedOut = await scheduler.RunAsync(stopping);
                    if (handedOut > 0) logger.LogInformation("Handed out {Count} daily digests", handedOut);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Handing out the daily digests failed; trying again shortly");
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
