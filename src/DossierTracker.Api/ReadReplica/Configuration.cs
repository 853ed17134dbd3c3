using Npgsql;

namespace DossierTracker.Api.ReadReplica;

public static class Configuration
{
    /// <summary>
    /// Reads from a streaming replica when <c>ConnectionStrings:MartenReadOnly</c> is set (the cluster profile sets
    /// it; a single node leaves it out and reads from the primary).
    /// </summary>
    public static IServiceCollection AddReadReplica(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReadReplicaOptions>(configuration.GetSection("ReadReplica"));
        var connectionString = configuration.GetConnectionString("MartenReadOnly");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            services.AddSingleton(provider => new ReadSource(provider.GetRequiredService<NpgsqlDataSource>(), null,
                provider.GetRequiredService<ILogger<ReadSource>>()));
            return services;
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "dossiertracker-replica" };
        // A replica that is gone must not hold a read for long before the read moves to the primary.
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.ConnectionStringBuilder.Timeout = 3;
        Jit.Off(builder.ConnectionStringBuilder);
        var replica = new ReplicaDataSource(builder.Build());
        services.AddSingleton(replica);
        services.AddSingleton(provider => new ReadSource(provider.GetRequiredService<NpgsqlDataSource>(), replica,
            provider.GetRequiredService<ILogger<ReadSource>>()));
        services.AddHostedService<ReplicaMonitor>();
        return services;
    }
}
