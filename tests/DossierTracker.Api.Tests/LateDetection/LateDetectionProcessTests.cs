using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.LateDetection;

/// <summary>
/// Late detection with the tracker as real processes on one database (Wolverine in its multi-node mode): a sweep on one
/// node at a time, durable <c>MarkDossierLate</c> messages that survive a kill, and one <c>late</c> event per due time.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class LateDetectionProcessTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Sweeping = new() { ["LateDetection:IntervalSeconds"] = "1", ["RateLimiting:Enabled"] = "false" };

    [Fact]
    public async Task two_trackers_on_one_database_mark_each_dossier_late_exactly_once()
    {
        var (connectionString, ingestKey, _) = await ProvinceDatabase.CreateAsync("late_two_nodes");
        await using var first = await TrackerProcess.StartAsync(connectionString, TrackerProcess.FreePort(), Sweeping);
        await using var second = await TrackerProcess.StartAsync(connectionString, TrackerProcess.FreePort(), Sweeping);
        using var toFirst = Client(first, ingestKey);
        using var toSecond = Client(second, ingestKey);

        var codes = Enumerable.Range(0, 40).Select(i => $"TWO-{i}").ToList();
        await PostReceivedAsync(toFirst, "WARM-1", DateTimeOffset.UtcNow.AddMinutes(-1), dueAt: null);
        await PostReceivedAsync(toSecond, "WARM-2", DateTimeOffset.UtcNow.AddMinutes(-1), dueAt: null);
        // One batch per node: only due times learned before they pass are marked, and 40 single posts on a loaded
        // machine took longer than the margin.
        var due = DateTimeOffset.UtcNow.AddSeconds(5);
        var events = codes.Select(code => Received(code, DateTimeOffset.UtcNow.AddMinutes(-1), due)).ToList();
        (await toFirst.PostAsync("/api/events/batch", Json(new { events = events.Where((_, i) => i % 2 == 0) }))).EnsureSuccessStatusCode();
        (await toSecond.PostAsync("/api/events/batch", Json(new { events = events.Where((_, i) => i % 2 == 1) }))).EnsureSuccessStatusCode();

        await using var connection = await OpenAsync(connectionString);
        var marked = await WaitForLateEventsAsync(connection, codes, TimeSpan.FromSeconds(90));
        marked.Count.ShouldBe(codes.Count, Explain("both trackers ran for 90 s after the due time", first, second));
        // Several more sweeps on both nodes, which would find and mark again whatever the ledger let through twice.
        await Task.Delay(TimeSpan.FromSeconds(3));

        (await LateEventCountsAsync(connection, codes)).Values.ShouldAllBe(count => count == 1);
        (await ScalarAsync(connection, "select count(*) from tracker.wolverine_node_assignments where id like 'late-sweep:%'"))
            .ShouldBe(1, "the sweep is assigned to one node");
    }

    [Fact]
    public async Task late_messages_sent_before_a_kill_are_handled_after_the_restart_without_a_new_sweep()
    {
        var (connectionString, ingestKey, _) = await ProvinceDatabase.CreateAsync("late_after_kill");
        var port = TrackerProcess.FreePort();
        var tracker = await TrackerProcess.StartAsync(connectionString, port, Sweeping);
        using (var http = Client(tracker, ingestKey))
        {
            await PostReceivedAsync(http, "WARM", DateTimeOffset.UtcNow.AddMinutes(-1), dueAt: null);
            // Many dossiers fall due at once, so the sweep sends more messages than the tracker handles in a moment.
            var due = DateTimeOffset.UtcNow.AddSeconds(4);
            var events = Enumerable.Range(0, 600).Select(i => Received($"KILL-{i}", DateTimeOffset.UtcNow.AddMinutes(-1), due)).ToList();
            foreach (var chunk in events.Chunk(200))
                (await http.PostAsync("/api/events/batch", Json(new { events = chunk }))).EnsureSuccessStatusCode();
        }
        var codes = Enumerable.Range(0, 600).Select(i => $"KILL-{i}").ToList();

        await using var connection = await OpenAsync(connectionString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await PendingLateMessageCodesAsync(connection)).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        tracker.Kill();
        await tracker.DisposeAsync();

        var pending = await PendingLateMessageCodesAsync(connection);
        var markedBeforeRestart = (await LateEventCountsAsync(connection, codes)).Keys.ToHashSet();
        var notYetMarked = pending.Except(markedBeforeRestart).ToList();
        output.WriteLine($"At the kill: {markedBeforeRestart.Count} marked, {notYetMarked.Count} more stored as messages not yet handled");
        notYetMarked.ShouldNotBeEmpty("the kill should have caught late messages stored but not yet handled");

        // With the sweep off, only the stored messages can mark what is left.
        await using var restarted = await TrackerProcess.StartAsync(connectionString, port,
            new Dictionary<string, string>(Sweeping) { ["LateDetection:Enabled"] = "false" });
        var marked = await WaitForLateEventsAsync(connection, notYetMarked, TimeSpan.FromSeconds(150));
        output.WriteLine($"After the restart: {marked.Count} of the {notYetMarked.Count} marked");

        marked.Keys.ShouldBe(notYetMarked, ignoreOrder: true, Explain("the stored messages were not all handled after the restart", restarted));
        (await LateEventCountsAsync(connection, codes)).Values.ShouldAllBe(count => count == 1);
    }

    private static HttpClient Client(TrackerProcess tracker, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(tracker.Url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return http;
    }

    private static async Task PostReceivedAsync(HttpClient http, string code, DateTimeOffset at, DateTimeOffset? dueAt) =>
        (await http.PostAsync("/api/events", Json(Received(code, at, dueAt)))).EnsureSuccessStatusCode();

    private static Dictionary<string, object?> Received(string code, DateTimeOffset at, DateTimeOffset? dueAt) => new()
    {
        ["eventId"] = $"{code}-received", ["type"] = "received", ["dossierCode"] = code, ["occurredAt"] = at.ToString("O"),
        ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
        ["dueAt"] = dueAt?.ToString("O"),
    };

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Polls until every dossier (or <paramref name="expected"/> of them) has a late event, or the time is up.</summary>
    private static async Task<Dictionary<string, long>> WaitForLateEventsAsync(NpgsqlConnection connection, IReadOnlyList<string> codes, TimeSpan bound, int? expected = null)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var counts = await LateEventCountsAsync(connection, codes);
            if (counts.Count >= (expected ?? codes.Count) || DateTime.UtcNow > deadline) return counts;
            await Task.Delay(250);
        }
    }

    private static async Task<Dictionary<string, long>> LateEventCountsAsync(NpgsqlConnection connection, IReadOnlyList<string> codes)
    {
        await using var command = new NpgsqlCommand(
            "select stream_id, count(*) from tracker.mt_events where type = 'dossier_marked_late' and stream_id = any($1) group by 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = codes.ToArray() });
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>The dossiers named by late messages stored and not yet handled.</summary>
    private static async Task<HashSet<string>> PendingLateMessageCodesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select body from tracker.wolverine_incoming_envelopes where message_type like '%MarkDossierLate%' and status = 'Incoming'", connection);
        var codes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString((byte[])reader[0]), "KILL-[0-9]+"))
                codes.Add(match.Value);
        return codes;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static string Explain(string what, params TrackerProcess[] trackers) =>
        $"{what}; the trackers wrote:\n{string.Join("\n---\n", trackers.Select(t => string.Join("\n", t.Output.TakeLast(20))))}";
}
