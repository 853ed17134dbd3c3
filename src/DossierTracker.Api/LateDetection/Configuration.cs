using Wolverine;

namespace DossierTracker.Api.LateDetection;

/// <summary>The late sweep: one agent across the nodes finds dossiers past due and sends each a durable message.</summary>
public static class Configuration
{
    public static IServiceCollection AddLateDetection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LateDetectionOptions>(configuration.GetSection("LateDetection"));
        services.AddSingleton<LateSweeper>();
        services.AddSingularAgent<LateSweepAgent>();
        return services;
    }
}
