using DossierTracker.Api.ReadModel;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace DossierTracker.Api.Hosting;

public static class StoreSetup
{
    /// <summary>Marten on PostgreSQL: the event store (one stream per dossier code) in our schema, integrated with Wolverine.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Marten (environment variable ConnectionStrings__Marten).");
        services.AddNpgsqlDataSource(connectionString, source =>
        {
            // Auto-preparing the few statements every request repeats saves PostgreSQL parsing and planning them each time.
            source.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(source.ConnectionStringBuilder.MaxAutoPrepare, 64);
            if (!SetsPoolSize(connectionString)) source.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
            ReadReplica.Jit.Off(source.ConnectionStringBuilder);
            // The pool's name labels its metrics; without one Npgsql uses the connection string (host, port, user, database).
            source.Name = "dossiertracker";
        });

        services.AddMarten(options =>
            {
                options.DatabaseSchemaName = TrackerTables.Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                options.Events.StreamIdentity = StreamIdentity.AsString;
                // The features add their documents, events, tables and projections (services.ConfigureMarten).
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine();
        return services;
    }

    /// <summary>
    /// Npgsql's own default (100) equals PostgreSQL's default max_connections, so a busy tracker could take every
    /// connection and lock out psql and the command line. 40 leaves room for them, a second instance and the
    /// superuser reserve; a connection string that sets Maximum Pool Size keeps its own.
    /// </summary>
    public const int DefaultMaxPoolSize = 40;

    private static bool SetsPoolSize(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
            || key.Replace(" ", "").Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
    }
}
