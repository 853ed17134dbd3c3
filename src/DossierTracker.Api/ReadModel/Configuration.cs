using JasperFx.Events.Projections;
using Marten;

namespace DossierTracker.Api.ReadModel;

/// <summary>The read model's own tables, kept in step with the event stream by an inline projection.</summary>
public static class Configuration
{
    public static IServiceCollection AddReadModel(this IServiceCollection services)
    {
        services.ConfigureMarten((provider, options) =>
        {
            foreach (var table in TrackerTables.All()) options.Storage.ExtendedSchemaObjects.Add(table);
            options.Projections.Add(new DossierReadModelProjection(provider.GetRequiredService<IWorkingCalendarSource>), ProjectionLifecycle.Inline);
        });
        return services;
    }
}
