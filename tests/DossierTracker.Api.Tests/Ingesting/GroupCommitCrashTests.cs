using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// The tracker process is killed (SIGKILL) while many clients post single events, so shared commits are in flight:
/// every acknowledged event is stored exactly once, and nothing is half-stored (events, ledger and read model agree).
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class GroupCommitCrashTests(ITestOutputHelper output)
{
    private const int Clients = 32;

    [Fact]
    public async Task a_kill_in_the_middle_of_shared_commits_loses_no_acknowledged_event_and_half_stores_none()
    {
        var (connectionString, ingestKey, _) = await ProvinceDatabase.CreateAsync("group_commit_crash");

        var acknowledged = new ConcurrentDictionary<string, byte>();
        var tracker = await TrackerProcess.StartAsync(connectionString, TrackerProcess.FreePort(),
            new Dictionary<string, string> { ["RateLimiting:Enabled"] = "false", ["LateDetection:Enabled"] = "false" });
        using (var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(tracker.Url), Timeout = TimeSpan.FromSeconds(10) })
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", ingestKey);
            // A first post warms the fresh process up, so the kill falls among commits rather than start-up work.
            (await PostAsync(http, Body("GC-WARM", 0, DateTimeOffset.UtcNow.AddHours(-2)))).EnsureSuccessStatusCode();
            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, Clients).Select(client => PostUntilStoppedAsync(http, client, acknowledged, stop.Token)).ToList();
            await Task.Delay(2500);
            tracker.Kill();
            stop.Cancel();
            await Task.WhenAll(posters);
        }
        await tracker.DisposeAsync();
        output.WriteLine($"{acknowledged.Count} events acknowledged before the kill");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var events = await CountsByEventIdAsync(connection, "select data->>'eventId', count(*) from tracker.mt_events where stream_id not like '$%' group by 1");
        var ledger = await CountsByEventIdAsync(connection, "select event_id, count(*) from tracker.ingested_events group by 1");

        acknowledged.Count.ShouldBeGreaterThan(100, "the clients should have been acknowledged a good many events");
        acknowledged.Keys.Where(id => events.GetValueOrDefault(id) != 1).ShouldBeEmpty("every acknowledged event is stored exactly once");
        events.Keys.Order().ShouldBe(ledger.Keys.Order(), "every stored event is in the ledger and every ledger entry has its event");
        (await ScalarAsync(connection,
            "select count(*) from tracker.mt_streams s full join tracker.dossiers d on d.code = s.id where coalesce(s.id, d.code) not like '$%' and d.version is distinct from s.version"))
            .ShouldBe(0, "the read model matches every stream");
    }

    /// <summary>Each client receives dossiers and moves every other one on, so groups hold new and existing streams.</summary>
    private static async Task PostUntilStoppedAsync(HttpClient http, int client, ConcurrentDictionary<string, byte> acknowledged, CancellationToken stop)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var body = Body($"GC-{client}-{i / 2}", i % 2, at);
            try
            {
                using var response = await PostAsync(http, body);
                if (response.StatusCode is HttpStatusCode.Created) acknowledged.TryAdd((string)body["eventId"]!, 0);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The service died under us: unacknowledged, so the sender would retry; the test only counts 201s.
            }
        }
    }

    /// <summary>The dossier's receipt (step 0) or a processing step a minute later (step 1).</summary>
    private static Dictionary<string, object?> Body(string code, int step, DateTimeOffset at) => new()
    {
        ["eventId"] = $"{code}-{step}", ["type"] = step == 0 ? "received" : "processing", ["dossierCode"] = code,
        ["occurredAt"] = at.AddMinutes(step).ToString("O"),
        ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, Dictionary<string, object?> body) =>
        http.PostAsync("/api/events", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, long>> CountsByEventIdAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
