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

    private static async Task<PostgreSqlContainer> StartAsync()
    {
        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } configured ? configured : "postgres:15";
        var container = new PostgreSqlBuilder(image)
            .WithDatabase("dossiertracker")
            .WithUsername("tracker")
            .WithPassword("tracker-test")
            .WithLabel("dossiertracker.tests", "true")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
            .Build();
        await container.StartAsync();
        Console.WriteLine($"PostgreSQL test container {container.Id[..12]} from {image} at {container.Hostname}:{container.GetMappedPublicPort(PostgreSqlBuilder.PostgreSqlPort)}");
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
