using Testcontainers.PostgreSql;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL container for the whole test run, started by Testcontainers. The image comes from
/// DOSSIERTRACKER_TEST_POSTGRES_IMAGE (ops/test sets it; CI builds one locally), else the official image.
/// </summary>
public static class PostgresServer
{
    public const string ImageVariable = "DOSSIERTRACKER_TEST_POSTGRES_IMAGE";
    private static readonly Lazy<Task<PostgreSqlContainer>> Container = new(StartAsync);

    public static Task<PostgreSqlContainer> GetAsync() => Container.Value;

    public static string Image => Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } configured ? configured : "postgres:15";

    /// <summary>A builder for this run's containers, labelled so ops/test removes exactly them afterwards.</summary>
    public static PostgreSqlBuilder Builder() => new PostgreSqlBuilder(Image)
        .WithLabel("dossiertracker.tests", Environment.GetEnvironmentVariable("DOSSIERTRACKER_TEST_RUN_ID") ?? "manual");

    private static async Task<PostgreSqlContainer> StartAsync()
    {
        var container = Builder()
            .WithDatabase("dossiertracker")
            .WithUsername("tracker")
            .WithPassword("tracker-test")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
            .Build();
        await container.StartAsync();
        Console.WriteLine($"PostgreSQL test container {container.Id[..12]} from {Image} at {container.Hostname}:{container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)}");
        return container;
    }

    /// <summary>A fresh, empty database on the shared server, for tests that need their own.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var container = await GetAsync();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(container.GetConnectionString());
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { $"drop database if exists \"{name}\" with (force)", $"create database \"{name}\"" })
            {
                await using var command = new Npgsql.NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        builder.Database = name;
        return builder.ConnectionString;
    }
}
