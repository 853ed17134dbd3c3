using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Reliability;

/// <summary>
/// Graceful overload (issue 17): one writer committing one request at a time, far more concurrent single posts than it
/// can commit within the admission bound. Every request is answered (never a hang), 201 or 503 <c>overloaded</c> with
/// Retry-After; what was answered 503 is not stored, what was answered 201 is, exactly.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class OverloadTests
{
    private const int Posts = 600;

    [Fact]
    public async Task a_saturated_writer_answers_every_post_201_or_503_with_retry_after_and_stores_exactly_the_201s()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("overload");
        await using var host = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System, settings: new Dictionary<string, string>
        {
            ["Ingesting:Writers"] = "1",
            // One request per commit: a few hundred commits a second at most, against 600 posts sent at once.
            ["Ingesting:MaxGroupEvents"] = "1",
            ["Ingesting:MaxQueueWait"] = "00:00:00.5",
            ["Ingesting:QueueWaitTarget"] = "00:00:00.1",
            ["RateLimiting:Enabled"] = "false",
        });
        using var client = await ClientAsync(host);

        // Sent in three waves: the first fills the queue (refused once their deadline passes), the later ones meet a
        // queue whose requests already wait too long (refused on arrival, before their body is read).
        var codes = Enumerable.Range(0, Posts).Select(i => $"OVL-{i:D4}").ToList();
        var answers = new List<Task<(string Code, HttpStatusCode Status, string? RetryAfter, string Body)>>();
        foreach (var wave in codes.Chunk(Posts / 3))
        {
            answers.AddRange(wave.Select(code => PostAsync(client, code)));
            await Task.Delay(150);
        }
        var all = await Task.WhenAll(answers);

        all.Select(a => a.Status).Distinct().ShouldBe([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable], ignoreOrder: true);
        foreach (var refused in all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable))
        {
            refused.RetryAfter.ShouldNotBeNull(refused.Body);
            JsonNode.Parse(refused.Body)!["type"]!.GetValue<string>().ShouldEndWith("/problems/overloaded");
        }
        var accepted = all.Where(a => a.Status == HttpStatusCode.Created).Select(a => a.Code).Order(StringComparer.Ordinal).ToList();
        (await StoredAsync(connectionString, "select dossier_code from tracker.ingested_events where dossier_code like 'OVL-%'")).ShouldBe(accepted);
        (await StoredAsync(connectionString, "select code from tracker.dossiers where code like 'OVL-%'")).ShouldBe(accepted);
        (await StoredAsync(connectionString, "select id from tracker.mt_streams where id like 'OVL-%'")).ShouldBe(accepted);

        var retried = all.First(a => a.Status == HttpStatusCode.ServiceUnavailable).Code;
        (await PostAsync(client, retried)).Status.ShouldBe(HttpStatusCode.Created, "a refused post can be retried once the load has passed");
    }

    private static async Task<(string Code, HttpStatusCode Status, string? RetryAfter, string Body)> PostAsync(HttpClient client, string code)
    {
        using var response = await client.PostAsJsonAsync("/api/events", new Dictionary<string, object?>
        {
            ["eventId"] = $"{code}-received", ["type"] = "received", ["dossierCode"] = code, ["occurredAt"] = "2022-08-01T09:15:00+07:00",
            ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
        });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (code, response.StatusCode, response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
    }

    private static async Task<HttpClient> ClientAsync(Alba.IAlbaHost host)
    {
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        var ingest = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "ingest", TestAudit.Setup, CancellationToken.None);
        var client = host.Server.CreateClient();
        // Far beyond the admission bound: a request the tracker held would fail the test as unanswered, not pass late.
        client.Timeout = TimeSpan.FromSeconds(30);
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ingest);
        return client;
    }

    private static async Task<List<string>> StoredAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var codes = new List<string>();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return [.. codes.Order(StringComparer.Ordinal)];
    }
}
