using Microsoft.Extensions.Options;
using Wolverine.Runtime.Agents;

namespace DossierTracker.Api.LateDetection;

/// <summary>
/// Runs the sweep every <c>LateDetection:IntervalSeconds</c> on one node of the cluster: a Wolverine singular agent,
/// which the elected leader assigns to one live node and moves to another when that node dies. The messages a sweep
/// sends are durable (stored before it returns), and Wolverine hands those of a dead node to a live one, so nothing
/// found is lost; the first sweep runs as the agent starts, so what fell due during downtime is marked soon after.
/// </summary>
public sealed class LateSweepAgent(LateSweeper sweeper, IOptions<LateDetectionOptions> options, ILogger<LateSweepAgent> logger)
    : SingularAgent("late-sweep")
{
    private CancellationTokenSource? _stopping;
    private Task _loop = Task.CompletedTask;

    protected override Task startAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled) return Task.CompletedTask;
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
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    var found = await sweeper.SweepAsync(stopping);
                    if (found > 0) logger.LogInformation("Sent {Count} dossiers to be marked late", found);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Late detection sweep failed; it runs again in {Seconds} s", interval.TotalSeconds);
                }
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
