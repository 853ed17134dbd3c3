using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Reliability;

/// <summary>
/// PostgreSQL stops and starts again under load: the service answers 503 problem details with Retry-After while it is
/// away (never a 500), reports not ready, recovers without a restart, and loses nothing it acknowledged.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task the_service_rides_out_a_database_restart_under_load()
    {
        var port = TrackerProcess.FreePort();
        // Testcontainers' defaults trade durability for speed (fsync and synchronous_commit off); this test is about durability.
        await using var database = PostgresServer.Builder().WithPortBinding(port, 5432)
            .WithCommand("-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on").Build();
        await database.StartAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Timeout = 3 }.ConnectionString;
        await using var host = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System,
            settings: new Dictionary<string, string> { ["RateLimiting:Enabled"] = "false" });
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();

        var acknowledged = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();
        var posters = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var code = $"DB-{w}-{i}";
                using var response = await client.PostAsJsonAsync("/api/events", new
                {
                    eventId = code, type = "received", dossierCode = code, occurredAt = "2022-08-01T09:15:00+07:00",
                    unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online",
                });
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                if (response.IsSuccessStatusCode) acknowledged.Add(code);
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
                    response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                    response.Headers.RetryAfter.ShouldNotBeNull();
                    await Task.Delay(100);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        await database.StopAsync();
        await Task.Delay(2500);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await database.StartAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline) await Task.Delay(250);
        var before = acknowledged.Count;
        while (acknowledged.Count < before + 20 && DateTime.UtcNow < deadline) await Task.Delay(100);
        stop.Cancel();
        await Task.WhenAll(posters);

        statuses.Keys.ShouldAllBe(status => status == 201 || status == 503, string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        statuses.GetValueOrDefault(503).ShouldBeGreaterThan(0, "the outage should have been noticed");
        acknowledged.Count.ShouldBeGreaterThan(before, "the service recovers by itself");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from tracker.mt_events where stream_id = any($1)", connection)
        {
            Parameters = { new() { Value = acknowledged.ToArray() } },
        };
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(acknowledged.Count, "every acknowledged event is stored");
    }
}
