using DossierTracker.Api.Scheduling;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.LateDetection;

/// <summary>
/// Runs the sweep every <c>LateDetection:IntervalSeconds</c> on one node of the cluster (a periodic singular agent).
/// The messages a sweep sends are durable (stored before it returns), and Wolverine hands those of a dead node to a
/// live one, so nothing found is lost; the first sweep runs as the agent starts, so what fell due during downtime is
/// marked soon after.
/// </summary>
public sealed class LateSweepAgent(LateSweeper sweeper, IOptions<LateDetectionOptions> options, ILogger<LateSweepAgent> logger)
    : PeriodicSingularAgent("late-sweep", logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.IntervalSeconds);

    protected override async Task RunOnceAsync(CancellationToken stopping)
    {
        var found = await sweeper.SweepAsync(stopping);
        if (found > 0) logger.LogInformation("Sent {Count} dossiers to be marked late", found);
    }
}
