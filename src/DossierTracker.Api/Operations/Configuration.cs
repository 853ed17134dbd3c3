using DossierTracker.Api.Security;
using Microsoft.AspNetCore.RateLimiting;
using OpenTelemetry.Metrics;

namespace DossierTracker.Api.Operations;

public static class Configuration
{
    /// <summary>Metrics for Prometheus, and a shutdown that lets in-flight requests finish.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetricsOptions>(configuration.GetSection("Metrics"));
        services.AddSingleton<TrackerMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(TrackerMetrics.MeterName, "Npgsql")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }

    /// <summary>
    /// /metrics carries counts only, no dossier data, but tells about load, failures and the service's make-up, so it
    /// asks for an admin key (Prometheus sends it as <c>authorization: credentials</c>) unless <c>Metrics:Anonymous</c>
    /// opens it for a scraper on a private network.
    /// </summary>
    public static WebApplication MapOperations(this WebApplication app)
    {
        var metrics = app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.Anonymous) metrics.AllowAnonymous();
        else metrics.RequireAuthorization(Policies.Administer);
        return app;
    }
}

/// <summary>Configuration section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve /metrics without a key; off by default (an admin key is required).</summary>
    public bool Anonymous { get; set; }
}
