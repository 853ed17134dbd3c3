using Marten;

namespace DossierTracker.Api.Audit;

/// <summary>The audit trail's table (with its append-only guard) and the service that writes it.</summary>
public static class Configuration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.ConfigureMarten(options =>
        {
            foreach (var schemaObject in AuditTable.All()) options.Storage.ExtendedSchemaObjects.Add(schemaObject);
        });
        return services;
    }
}
