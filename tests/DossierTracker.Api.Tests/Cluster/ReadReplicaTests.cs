using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.Cluster;

/// <summary>
/// The tracker with <c>ConnectionStrings:MartenReadOnly</c> on a real streaming replica: lists read the replica (and
/// leave it when it lags too far), the dossier view reads its own writes, and reads survive the replica stopping.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class ReadReplicaTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MaxLagSeconds = 30;
    private ReplicatedPostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await ReplicatedPostgres.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task lists_read_the_replica_until_it_lags_too_far_and_the_dossier_view_reads_its_own_writes()
    {
        var (tracker, province, replica) = await StartTrackerAsync("replica_lag");
        await using var _ = tracker;
        using var http = Client(tracker, province.AdminKey);

        // Warm: the first requests of a fresh process are slow, and the stale read below must come within the lag.
        await PostOverdueAsync(http, "WARM-1");
        (await http.GetAsync("/api/dossiers/WARM-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WaitForLateTotalAsync(http, 1, TimeSpan.FromSeconds(30))).ShouldBe(1);

        await ExecuteAsync(replica, "select pg_wal_replay_pause()");
        var paused = DateTime.UtcNow;
        await PostOverdueAsync(http, "LAG-1");

        // The writer reads its own write at once, although the replica has not replayed it.
        (await http.GetAsync("/api/dossiers/LAG-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The list comes from the replica, which is behind but within the allowed lag.
        var stale = await LateTotalAsync(http);
        var staleAfter = DateTime.UtcNow - paused;
        output.WriteLine($"late list {staleAfter.TotalSeconds:F1} s after the pause: {stale}");
        if (staleAfter < TimeSpan.FromSeconds(MaxLagSeconds - 5)) stale.ShouldBeLessThan(2, "the list was read from the paused replica, which has not replayed LAG-1");
        else output.WriteLine("(too slow to catch the replica within its allowed lag: the stale read was not checked)");

        // Once the replica is further behind than the setting, the list is read from the primary.
        var fresh = await WaitForLateTotalAsync(http, 2, TimeSpan.FromSeconds(MaxLagSeconds + 30));
        output.WriteLine($"the primary answered the list {(DateTime.UtcNow - paused).TotalSeconds:F1} s after the pause");
        fresh.ShouldBe(2);

        await ExecuteAsync(replica, "select pg_wal_replay_resume()");
        (await http.GetAsync("/api/dossiers/LAG-1")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_stopped_replica_sends_reads_to_the_primary_with_unchanged_answers()
    {
        var (tracker, province, _) = await StartTrackerAsync("replica_stop");
        await using var _ = tracker;
        using var http = Client(tracker, province.AdminKey);
        const int dossiers = 5;
        for (var i = 0; i < dossiers; i++) await PostOverdueAsync(http, $"STOP-{i}");
        (await WaitForLateTotalAsync(http, dossiers, TimeSpan.FromSeconds(30))).ShouldBe(dossiers);

        var answers = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var reading = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!reading.IsCancellationRequested)
            {
                using var list = await http.GetAsync("/api/dossiers/late");
                using var view = await http.GetAsync("/api/dossiers/STOP-0");
                var total = list.StatusCode == HttpStatusCode.OK ? await Total(list) : -1;
                answers.Enqueue(list.StatusCode != HttpStatusCode.OK ? $"list {(int)list.StatusCode}"
                    : total != dossiers ? $"list total {total}"
                    : view.StatusCode != HttpStatusCode.OK ? $"view {(int)view.StatusCode}" : "ok");
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _postgres.Replica.StopAsync();
        var stoppedAt = answers.Count;
        await Task.Delay(TimeSpan.FromSeconds(6));
        await reading.CancelAsync();
        await reader;

        output.WriteLine($"{answers.Count} reads, {answers.Count - stoppedAt} after the replica stopped");
        (answers.Count - stoppedAt).ShouldBeGreaterThan(0);
        answers.Where(a => a != "ok").ShouldBeEmpty(string.Join("\n", tracker.Output.TakeLast(20)));
    }

    private async Task<(TrackerProcess Tracker, ProvinceDatabase Province, string Replica)> StartTrackerAsync(string name)
    {
        var (primary, replica) = await _postgres.CreateDatabaseAsync(name);
        var province = await ProvinceDatabase.SetUpAsync(primary);
        var tracker = await TrackerProcess.StartAsync(primary, TrackerProcess.FreePort(), new Dictionary<string, string>
        {
            ["ConnectionStrings:MartenReadOnly"] = replica,
            ["ReadReplica:MaxLagSeconds"] = $"{MaxLagSeconds}",
            ["ReadReplica:CheckIntervalSeconds"] = "0.5",
            ["RateLimiting:Enabled"] = "false",
            ["LateDetection:Enabled"] = "false",
        });
        return (tracker, province, replica);
    }

    private static HttpClient Client(TrackerProcess tracker, string key)
    {
        var http = new HttpClient { BaseAddress = new Uri(tracker.Url), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return http;
    }

    /// <summary>Received an hour ago, due ten minutes ago: in the late list (open, overdue now).</summary>
    private static async Task PostOverdueAsync(HttpClient http, string code)
    {
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.Serialize(new
        {
            eventId = $"{code}-received", type = "received", dossierCode = code, occurredAt = now.AddHours(-1).ToString("O"),
            unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online", dueAt = now.AddMinutes(-10).ToString("O"),
        });
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    private static async Task<int> LateTotalAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/api/dossiers/late");
        response.EnsureSuccessStatusCode();
        return await Total(response);
    }

    private static async Task<int> Total(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();

    private static async Task<int> WaitForLateTotalAsync(HttpClient http, int expected, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        int total;
        while ((total = await LateTotalAsync(http)) != expected && DateTime.UtcNow < deadline) await Task.Delay(250);
        return total;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
