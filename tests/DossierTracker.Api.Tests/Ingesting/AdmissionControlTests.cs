using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Alba;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// When the database cannot keep up, single posts are refused at once (503 <c>overloaded</c> with Retry-After) rather
/// than left waiting: a full queue refuses on arrival, a queued request refuses once it has waited the bound.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class AdmissionControlTests
{
    /// <summary>The advisory lock space the ingestor locks dossiers in (EventIngestor.DossierLockSpace).</summary>
    private const int DossierLockSpace = 0x44540001;

    [Fact]
    public async Task a_saturated_queue_answers_503_with_retry_after_and_stores_nothing_of_what_it_refused()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("admission_control");
        await using var host = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System, settings: new Dictionary<string, string>
        {
            ["Ingesting:QueueCapacity"] = "1",
            ["Ingesting:Writers"] = "1",
            ["Ingesting:MaxQueueWait"] = "00:00:01",
            ["RateLimiting:Enabled"] = "false",
        });
        using var client = await ClientAsync(host);

        // The only writer is held on a dossier's lock, as if PostgreSQL had stalled in its commit.
        await using var blocker = new NpgsqlConnection(connectionString);
        await blocker.OpenAsync();
        await ExecuteAsync(blocker, $"select pg_advisory_lock({DossierLockSpace}, hashtext('SAT-HELD'))");
        var held = client.PostAsJsonAsync("/api/events", Received("SAT-HELD"));
        await WaitUntilAsync(async () => await ScalarAsync(blocker, "select count(*) from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())") == 1);

        var queue = host.Services.GetRequiredService<IngestionQueue>();
        var queued = client.PostAsJsonAsync("/api/events", Received("SAT-QUEUED"));
        await WaitUntilAsync(() => Task.FromResult(queue.Depth == 1));
        using var refusedOnArrival = await client.PostAsJsonAsync("/api/events", Received("SAT-REFUSED"));
        using var refusedAfterWaiting = await queued;

        await ExecuteAsync(blocker, $"select pg_advisory_unlock({DossierLockSpace}, hashtext('SAT-HELD'))");
        using var stored = await held;

        await ShouldBeOverloadedAsync(refusedOnArrival);
        await ShouldBeOverloadedAsync(refusedAfterWaiting);
        stored.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ScalarAsync(blocker, "select count(*) from tracker.ingested_events where dossier_code like 'SAT-%'")).ShouldBe(1);
        (await client.PostAsJsonAsync("/api/events", Received("SAT-QUEUED"))).StatusCode.ShouldBe(HttpStatusCode.Created, "a refused post can be retried");
    }

    private static async Task ShouldBeOverloadedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(body)!["type"]!.GetValue<string>().ShouldEndWith("/problems/overloaded");
        response.Headers.RetryAfter?.Delta.ShouldNotBeNull();
    }

    private static async Task<HttpClient> ClientAsync(IAlbaHost host)
    {
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        var ingest = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "ingest", TestAudit.Setup, CancellationToken.None);
        var client = host.Server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ingest);
        return client;
    }

    private static Dictionary<string, object?> Received(string code) => new()
    {
        ["eventId"] = $"{code}-received", ["type"] = "received", ["dossierCode"] = code, ["occurredAt"] = "2022-08-01T09:15:00+07:00",
        ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
    };

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true within 20 s.");
            await Task.Delay(20);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
