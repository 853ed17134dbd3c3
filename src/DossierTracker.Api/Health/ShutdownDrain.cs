using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Health;

/// <summary>Configuration section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    /// <summary>
    /// Seconds between a stop signal and closing the listener, during which /health/ready answers 503 and requests are
    /// still served: long enough for a balancer's health checks to take the node out (HAProxy in the cluster profile:
    /// 3 checks 1 s apart), so no request is sent to a node that no longer listens. 0 on a single node.
    /// </summary>
    public int DrainSeconds { get; set; }
}

/// <summary>
/// Graceful drain: on SIGTERM the node first reports itself not ready and keeps serving for
/// <see cref="HealthOptions.DrainSeconds"/>, then ASP.NET Core stops accepting connections and lets the requests in
/// flight finish (and the group-commit writers commit what they took) within the host's shutdown timeout.
/// </summary>
public sealed class ShutdownDrain(IOptions<HealthOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("The node is shutting down.") : HealthCheckResult.Healthy());

    /// <summary>Runs before any service stops, the web server included.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        if (options.Value.DrainSeconds <= 0) return;
        logger.LogInformation("Draining for {Seconds} s before the listener closes", options.Value.DrainSeconds);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.DrainSeconds), cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
