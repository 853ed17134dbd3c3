using Marten;

namespace DossierTracker.Api.Audit;

/// <summary>The audit trail: its table (with the append-only guard), the service that writes it and the one that reads it.</summary>
public static class Configuration
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>().AddSingleton<AuditLog>();
        services.ConfigureMarten(options =>
        {
            foreach (var schemaObject in AuditTable.All()) options.Storage.ExtendedSchemaObjects.Add(schemaObject);
        });
        return services;
    }
}
