using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.Reliability;

/// <summary>
/// The service is killed (SIGKILL) in the middle of a stream of single and batch posts and started again: every event
/// that got a 2xx is stored exactly once, the read model matches the streams, and late detection catches up.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task acknowledged_events_survive_a_kill_exactly_once_at_several_kill_points()
    {
        var (connectionString, ingestKey, _) = await ProvinceDatabase.CreateAsync("crash_safety");

        var acknowledged = new ConcurrentDictionary<string, byte>();
        var dueSoon = new List<string>();
        var port = TrackerProcess.FreePort();
        var settings = new Dictionary<string, string> { ["LateDetection:IntervalSeconds"] = "1", ["RateLimiting:Enabled"] = "false" };
        foreach (var (round, killAfter) in new[] { (1, 700), (2, 1500), (3, 2600) })
        {
            var tracker = await TrackerProcess.StartAsync(connectionString, port, settings);
            using var http = new HttpClient { BaseAddress = new Uri(tracker.Url), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", ingestKey);

            // Due a few seconds from now: they fall due while the service is down, and must be marked after the restart.
            // A first request warms the fresh process up, so the due time is still ahead when the tracker learns it.
            (await Post(http, "/api/events", Event($"WARM-{round}", "received", DateTimeOffset.UtcNow.AddMinutes(-1)))).EnsureSuccessStatusCode();
            var code = $"DUE-{round}";
            var due = DateTimeOffset.UtcNow.AddSeconds(3);
            (await Post(http, "/api/events", Event(code, "received", DateTimeOffset.UtcNow.AddMinutes(-1), ("dueAt", due.ToString("O"))))).EnsureSuccessStatusCode();
            dueSoon.Add(code);

            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 6).Select(worker => PostUntilStoppedAsync(http, round, worker, acknowledged, stop.Token)).ToList();
            await Task.Delay(killAfter);
            tracker.Kill();
            stop.Cancel();
            await Task.WhenAll(posters);
            await tracker.DisposeAsync();
            output.WriteLine($"Round {round}: killed after {killAfter} ms; {acknowledged.Count} events acknowledged so far");
            await Task.Delay(3500);
        }

        await using var last = await TrackerProcess.StartAsync(connectionString, port, settings);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        var stored = await CountsByEventIdAsync(connection);
        acknowledged.Keys.Where(id => stored.GetValueOrDefault(id) != 1).ShouldBeEmpty("every acknowledged event is stored exactly once");
        stored.Where(s => s.Value > 1).ShouldBeEmpty("no event is stored twice");
        (await ScalarAsync(connection,
            "select count(*) from tracker.mt_streams s left join tracker.dossiers d on d.code = s.id where s.id not like '$%' and (d.version is distinct from s.version)"))
            .ShouldBe(0, "the read model matches every stream");
        acknowledged.Count.ShouldBeGreaterThan(100, "the posters should have been acknowledged a good many events");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long marked;
        do
        {
            marked = await ScalarAsync(connection,
                $"select count(distinct stream_id) from tracker.mt_events where type = 'dossier_marked_late' and stream_id = any(array['{string.Join("','", dueSoon)}'])");
            if (marked < dueSoon.Count) await Task.Delay(250);
        }
        while (marked < dueSoon.Count && DateTime.UtcNow < deadline);
        marked.ShouldBe(dueSoon.Count, $"late detection catches up after the restarts; the tracker wrote:\n{string.Join("\n", last.Output.TakeLast(30))}");
    }

    private static async Task PostUntilStoppedAsync(HttpClient http, int round, int worker, ConcurrentDictionary<string, byte> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var code = $"CR-{round}-{worker}-{i}";
            var at = DateTimeOffset.UtcNow.AddHours(-2);
            try
            {
                if (i % 3 == 0)
                {
                    var events = new[] { Event(code, "received", at), Event(code, "processing", at.AddMinutes(5)), Event(code, "resolved", at.AddMinutes(30)) };
                    var response = await Post(http, "/api/events/batch", new { events });
                    if (response.StatusCode != HttpStatusCode.OK) continue;
                    var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
                    foreach (var result in results.Where(r => r!["status"]!.GetValue<string>() is "created" or "duplicate"))
                        acknowledged.TryAdd(result!["eventId"]!.GetValue<string>(), 0);
                }
                else
                {
                    var body = Event(code, "received", at);
                    var response = await Post(http, "/api/events", body);
                    if (response.IsSuccessStatusCode) acknowledged.TryAdd((string)body["eventId"]!, 0);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The service died under us: unacknowledged, so the sender would retry; the test only counts 2xx.
            }
        }
    }

    private static Dictionary<string, object?> Event(string code, string type, DateTimeOffset at, params (string, object?)[] fields)
    {
        var e = new Dictionary<string, object?>
        {
            ["eventId"] = $"{code}-{type}", ["type"] = type, ["dossierCode"] = code, ["occurredAt"] = at.ToString("O"),
            ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
        };
        foreach (var (name, value) in fields) e[name] = value;
        return e;
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string url, object body) =>
        http.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    private static async Task<Dictionary<string, long>> CountsByEventIdAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select data->>'eventId', count(*) from tracker.mt_events where stream_id not like '$%' group by 1", connection);
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
