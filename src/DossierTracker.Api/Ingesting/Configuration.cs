using Marten;

namespace DossierTracker.Api.Ingesting;

/// <summary>The write side: dossier events stored under stable names, and the ingestor that decides and appends them.</summary>
public static class Configuration
{
    public static IServiceCollection AddIngesting(this IServiceCollection services)
    {
        services.AddSingleton<EventIngestor>();
        services.ConfigureMarten(options =>
        {
            foreach (var (name, type) in DossierEventTypes.All) options.Events.MapEventType(type, name);
        });
        return services;
    }
}
