using DossierTracker.Api.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DossierTracker.Api.Health;

public static class Configuration
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection("Health"));
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks()
            .AddCheck<ShutdownDrain>("drain", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("postgresql", tags: [Ready]);
        return services;
    }

    /// <summary>/health/live: the process answers. /health/ready: and the database answers, and the node is not draining (503 otherwise).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous().DisableRateLimiting();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
            return Results.Json(new { status = "healthy", checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString().ToLowerInvariant()) })
                .ExecuteAsync(context);
        context.Response.Headers.RetryAfter = "5";
        return report.Entries.TryGetValue("drain", out var drain) && drain.Status != HealthStatus.Healthy
            ? Problems.Result(ProblemCatalogue.ShuttingDown, "This node is shutting down; the balancer sends requests to the others.").ExecuteAsync(context)
            : Problems.Result(ProblemCatalogue.DatabaseUnavailable, "The database is not answering.").ExecuteAsync(context);
    }

    private sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not answer.");
            }
        }
    }
}
