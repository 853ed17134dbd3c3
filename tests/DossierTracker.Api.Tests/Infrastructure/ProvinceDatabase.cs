using System.Net.Http.Json;
using DossierTracker.Api.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>A database of its own with the test province's units and procedures and two keys, for tests that run the tracker as processes.</summary>
public sealed record ProvinceDatabase(string ConnectionString, string IngestKey, string AdminKey)
{
    public static async Task<ProvinceDatabase> CreateAsync(string name) => await SetUpAsync(await PostgresServer.CreateDatabaseAsync(name));

    /// <summary>The province in an existing, empty database.</summary>
    public static async Task<ProvinceDatabase> SetUpAsync(string connectionString)
    {
        await using var setup = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System);
        var registry = setup.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        var ingestKey = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "ingest", TestAudit.Setup, CancellationToken.None);
        using var client = setup.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        return new ProvinceDatabase(connectionString, ingestKey, admin);
    }
}
