using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Testcontainers.PostgreSql;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL primary and a streaming replica made from it by pg_basebackup (PostgreSQL's own replication, hot
/// standby), on a network of their own; both published on 127.0.0.1 for the tracker and the test.
/// </summary>
public sealed class ReplicatedPostgres : IAsyncDisposable
{
    private const string User = "tracker", Password = "tracker-test", Database = "dossiertracker";
    private const string DataDirectory = "/var/lib/postgresql/data", Binaries = "/usr/lib/postgresql/15/bin";
    private readonly INetwork _network;

    private ReplicatedPostgres(INetwork network, PostgreSqlContainer primary, PostgreSqlContainer replica)
    {
        _network = network;
        Primary = primary;
        Replica = replica;
    }

    public PostgreSqlContainer Primary { get; }
    public PostgreSqlContainer Replica { get; }

    public string PrimaryConnectionString => Primary.GetConnectionString();
    public string ReplicaConnectionString => Replica.GetConnectionString();

    public static async Task<ReplicatedPostgres> StartAsync()
    {
        var network = new NetworkBuilder().WithName($"dossiertracker-replication-{Guid.NewGuid():N}")
            .WithLabel("dossiertracker.tests", Environment.GetEnvironmentVariable("DOSSIERTRACKER_TEST_RUN_ID") ?? "manual").Build();
        await network.CreateAsync();
        var primary = PostgresServer.Builder()
            .WithDatabase(Database).WithUsername(User).WithPassword(Password)
            .WithNetwork(network).WithNetworkAliases("primary")
            .WithCommand("-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=200")
            .Build();
        await primary.StartAsync();
        // Replication connections are not covered by "all" in pg_hba.conf.
        await primary.ExecAsync(["sh", "-c", $"echo 'host replication all all scram-sha-256' >> {DataDirectory}/pg_hba.conf"]);
        await primary.ExecScriptAsync("select pg_reload_conf()");

        var replica = PostgresServer.Builder()
            .WithDatabase(Database).WithUsername(User).WithPassword(Password)
            .WithNetwork(network)
            // The script is the entrypoint: the builder's default command (-c settings) then only fills its unused arguments.
            .WithEntrypoint("/bin/sh", "-c",
                $"""
                set -e
                mkdir -p {DataDirectory} /var/run/postgresql
                chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
                chmod 700 {DataDirectory}
                su postgres -s /bin/sh -c "PGPASSWORD={Password} {Binaries}/pg_basebackup -h primary -p 5432 -U {User} -D {DataDirectory} -R -X stream"
                exec su postgres -s /bin/sh -c "{Binaries}/postgres -D {DataDirectory} -c listen_addresses=* -c hot_standby=on -c fsync=off -c max_connections=200"
                """, "replica")
            .Build();
        await replica.StartAsync();
        return new ReplicatedPostgres(network, primary, replica);
    }

    /// <summary>A database made on the primary, and the same database read through the replica once replayed.</summary>
    public async Task<(string Primary, string Replica)> CreateDatabaseAsync(string name)
    {
        await Primary.ExecScriptAsync($"create database \"{name}\"");
        var primary = new Npgsql.NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Database = name };
        var replica = new Npgsql.NpgsqlConnectionStringBuilder(ReplicaConnectionString) { Database = name };
        return (primary.ConnectionString, replica.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await Replica.DisposeAsync();
        await Primary.DisposeAsync();
        await _network.DeleteAsync();
        await _network.DisposeAsync();
    }
}
