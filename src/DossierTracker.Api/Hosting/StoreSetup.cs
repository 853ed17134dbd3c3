using DossierTracker.Api.Ingesting;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Procedures;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Wolverine.Marten;

namespace DossierTracker.Api.Hosting;

public static class StoreSetup
{
    /// <summary>Marten on PostgreSQL: the event store (one stream per dossier code), reference documents, and our tables.</summary>
    public static IServiceCollection AddTrackerStore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("Set ConnectionStrings:Marten (environment variable ConnectionStrings__Marten).");
        services.AddNpgsqlDataSource(connectionString, source =>
        {
            // Auto-preparing the few statements every request repeats saves PostgreSQL parsing and planning them each time.
            source.ConnectionStringBuilder.MaxAutoPrepare = Math.Max(source.ConnectionStringBuilder.MaxAutoPrepare, 64);
            if (!SetsPoolSize(connectionString)) source.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
            // The pool's name labels its metrics; without one Npgsql uses the connection string (host, port, user, database).
            source.Name = "dossiertracker";
        });

        services.AddMarten(options =>
            {
                options.DatabaseSchemaName = TrackerTables.Schema;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                options.Events.StreamIdentity = StreamIdentity.AsString;
                MapEvents(options);

                options.Schema.For<Unit>().Identity(u => u.Code);
                options.Schema.For<Procedure>().Identity(p => p.Code);
                options.Schema.For<ApiKey>();
                options.Schema.For<DataProtectionKey>();
                options.Schema.For<Dashboard.EndedSession>();

                foreach (var table in TrackerTables.All()) options.Storage.ExtendedSchemaObjects.Add(table);
                options.Projections.Add(new DossierReadModelProjection(), ProjectionLifecycle.Inline);
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

    /// <summary>Stored event names are part of the schema: stable, never changed once shipped.</summary>
    private static void MapEvents(StoreOptions options)
    {
        foreach (var (name, type) in DossierStreams.EventTypes) options.Events.MapEventType(type, name);
        options.Events.MapEventType<CalendarYearCorrected>(ReferenceData.CalendarCorrections.EventName);
    }
}
