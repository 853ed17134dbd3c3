using Marten;

namespace DossierTracker.Api.Ingesting;

/// <summary>The write side: dossier events stored under stable names, and the ingestor that decides and appends them, and group commit in front of it.</summary>
public static class Configuration
{
    public static IServiceCollection AddIngesting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IngestingOptions>(configuration.GetSection("Ingesting"));
        services.AddSingleton<EventIngestor>();
        services.AddSingleton<CommitWrites>();
        services.AddSingleton<IngestionQueue>();
        services.AddHostedService<GroupCommitWriter>();
        services.ConfigureMarten(options =>
        {
            foreach (var (name, type) in DossierEventTypes.All) options.Events.MapEventType(type, name);
        });
        return services;
    }
}
