using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Metrics;

namespace DossierTracker.Api.Operations;

public static class OperationsSetup
{
    /// <summary>Metrics for Prometheus, and a shutdown that lets in-flight requests finish.</summary>
    public static IServiceCollection AddTrackerOperations(this IServiceCollection services)
    {
        services.AddSingleton<TrackerMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TrackerMetrics.MeterName, "Npgsql")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>/metrics carries counts only, no dossier data; it is left open for the scraper, like the health probes.</summary>
    public static WebApplication MapTrackerOperations(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
