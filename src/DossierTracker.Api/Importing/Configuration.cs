using DossierTracker.Api.ReadModel;
using Marten;

namespace DossierTracker.Api.Importing;

/// <summary>The <c>import</c> command's services and its checkpoint table (created and migrated with the store's schema).</summary>
public static class Configuration
{
    public static IServiceCollection AddImporting(this IServiceCollection services)
    {
        services.AddSingleton<EventImporter>();
        services.AddSingleton<BulkAppender>();
        services.ConfigureMarten(options => options.Storage.ExtendedSchemaObjects.Add(ImportCheckpoints.Table()));
        return services;
    }
}
