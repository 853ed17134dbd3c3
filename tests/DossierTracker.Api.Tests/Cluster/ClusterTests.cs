using System.Net;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Balancer;
using Npgsql;
using Xunit.Abstractions;

namespace DossierTracker.Api.Tests.Cluster;

/// <summary>
/// Two tracker processes on one PostgreSQL behind Debian's HAProxy with the shipped configuration (ops/cluster):
/// a node killed or restarted under load, late detection moving to the survivor, and a key's rate limit shared by
/// the nodes.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static Dictionary<string, string> NodeSettings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimiting:Enabled"] = "false",
            ["LateDetection:IntervalSeconds"] = "1",
            // The shipped balancer takes a node out after two failed checks half a second apart.
            ["Health:DrainSeconds"] = "2",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task a_node_killed_under_load_loses_no_acknowledged_event()
    {
        var province = await ProvinceDatabase.CreateAsync("cluster_kill");
        await using var first = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), NodeSettings());
        await using var second = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), NodeSettings());
        await using var balancer = await BalancerAsync(Port(first), Port(second));

        await using var load = ClusterLoad.Start(balancer.Url, province.IngestKey, "KILL");
        await Task.Delay(TimeSpan.FromSeconds(3));
        first.Kill();
        var killedAt = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await load.StopAsync();

        output.WriteLine($"{load.Acknowledged.Count} acknowledged, {load.AcknowledgedSince(killedAt)} after the kill; " +
                         $"retry-safe refusals: {string.Join(", ", load.RetrySafeFailures.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
        load.Unexpected.ShouldBeEmpty(Explain(balancer, second));
        load.AcknowledgedSince(killedAt).ShouldBeGreaterThan(0, "the surviving node kept acknowledging");
        await ShouldBeStoredOnceAsync(province.ConnectionString, load.Acknowledged.Keys);
    }

    [Fact]
    public async Task a_rolling_restart_of_every_node_fails_no_request()
    {
        var province = await ProvinceDatabase.CreateAsync("cluster_rolling");
        var ports = new[] { TrackerProcess.FreePort(), TrackerProcess.FreePort() };
        var nodes = new TrackerProcess[2];
        for (var i = 0; i < nodes.Length; i++) nodes[i] = await TrackerProcess.StartAsync(province.ConnectionString, ports[i], NodeSettings());
        try
        {
            await using var balancer = await BalancerAsync(ports);
            await using var load = ClusterLoad.Start(balancer.Url, province.IngestKey, "ROLL");
            await Task.Delay(TimeSpan.FromSeconds(2));
            for (var i = 0; i < nodes.Length; i++)
            {
                var before = load.Acknowledged.Count;
                await nodes[i].StopAsync(TimeSpan.FromSeconds(40));
                await nodes[i].DisposeAsync();
                nodes[i] = await TrackerProcess.StartAsync(province.ConnectionString, ports[i], NodeSettings());
                // Back in the balancer's rotation after two good checks half a second apart.
                await Task.Delay(TimeSpan.FromSeconds(2));
                output.WriteLine($"node {i + 1} restarted; {load.Acknowledged.Count - before} acknowledged meanwhile");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
            await load.StopAsync();

            output.WriteLine($"{load.Acknowledged.Count} acknowledged");
            load.Unexpected.ShouldBeEmpty(Explain(balancer, nodes));
            load.RetrySafeFailures.ShouldBeEmpty(Explain(balancer, nodes));
            await ShouldBeStoredOnceAsync(province.ConnectionString, load.Acknowledged.Keys);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    [Fact]
    public async Task the_surviving_node_takes_over_late_detection_within_a_minute()
    {
        var province = await ProvinceDatabase.CreateAsync("cluster_sweep");
        await using var connection = await OpenAsync(province.ConnectionString);
        await using var first = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), NodeSettings());
        // Alone, the first node's Wolverine node number is the only one registered.
        var firstNumber = (await LiveNodeNumbersAsync(connection)).Single();
        await using var second = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), NodeSettings());

        var holder = await WaitAsync(() => SweepHolderAsync(connection), TimeSpan.FromSeconds(60))
                     ?? throw new TimeoutException("The late sweep was never assigned to a node.");
        var (doomed, survivor) = holder == firstNumber ? (first, second) : (second, first);
        output.WriteLine($"sweep on node number {holder}; the first node is {firstNumber}");

        doomed.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        using var http = new HttpClient { BaseAddress = new Uri(survivor.Url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", province.IngestKey);
        var body = JsonSerializer.Serialize(new
        {
            eventId = "TAKEOVER-1-received", type = "received", dossierCode = "TAKEOVER-1", occurredAt = killedAt.AddMinutes(-1).ToString("O"),
            unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online", dueAt = killedAt.AddSeconds(5).ToString("O"),
        });
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var markedAt = await WaitAsync(() => LateEventRecordedAtAsync(connection, "TAKEOVER-1"), TimeSpan.FromSeconds(75));
        markedAt.ShouldNotBeNull(Explain(null, survivor));
        output.WriteLine($"marked late {(markedAt.Value - killedAt).TotalSeconds:F1} s after the kill");
        (markedAt.Value - killedAt.AddSeconds(5)).ShouldBeLessThan(TimeSpan.FromMinutes(1));
        (await SweepHolderAsync(connection)).ShouldNotBe(holder, "the sweep moved off the dead node");
    }

    [Fact]
    public async Task a_keys_rate_limit_is_shared_by_the_nodes_not_multiplied()
    {
        const int burst = 10, perSecond = 2;
        var province = await ProvinceDatabase.CreateAsync("cluster_rate");
        var limited = NodeSettings(("RateLimiting:Enabled", "true"), ("RateLimiting:Burst", $"{burst}"), ("RateLimiting:PermitsPerSecond", $"{perSecond}"));
        await using var first = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), limited);
        await using var second = await TrackerProcess.StartAsync(province.ConnectionString, TrackerProcess.FreePort(), limited);
        await using var balancer = await BalancerAsync(Port(first), Port(second));
        using var http = new HttpClient { BaseAddress = new Uri(balancer.Url) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", province.IngestKey);

        var started = DateTime.UtcNow;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4 * burst; i++)
        {
            using var response = await http.GetAsync("/api/dossiers/RATE-NONE");
            statuses.Add(response.StatusCode);
        }
        var elapsed = DateTime.UtcNow - started;
        var allowed = statuses.Count(s => s != HttpStatusCode.TooManyRequests);
        output.WriteLine($"{allowed} of {statuses.Count} let through in {elapsed.TotalSeconds:F1} s: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");

        // Per node, round robin would have let through twice the burst; shared, the burst and what refilled meanwhile.
        allowed.ShouldBeGreaterThanOrEqualTo(burst);
        allowed.ShouldBeLessThanOrEqualTo(burst + (int)Math.Ceiling(elapsed.TotalSeconds * perSecond));
        statuses.ShouldContain(HttpStatusCode.TooManyRequests);
    }

    private static int Port(TrackerProcess node) => new Uri(node.Url).Port;

    private static async Task ShouldBeStoredOnceAsync(string connectionString, ICollection<string> eventIds)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(
            "select e.id, count(m.seq_id) from unnest($1) e(id) left join tracker.ingested_events l on l.event_id = e.id " +
            "left join tracker.mt_events m on m.stream_id = l.dossier_code and m.version = l.version group by e.id having count(m.seq_id) <> 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = eventIds.ToArray() });
        var wrong = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) wrong.Add($"{reader.GetString(0)}: stored {reader.GetInt64(1)} times");
        wrong.ShouldBeEmpty("every acknowledged event is stored exactly once");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int?> SweepHolderAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select n.node_number from tracker.wolverine_node_assignments a join tracker.wolverine_nodes n on n.id = a.node_id where a.id like 'late-sweep:%'", connection);
        return await command.ExecuteScalarAsync() is int number ? number : null;
    }

    private static async Task<List<int>> LiveNodeNumbersAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select node_number from tracker.wolverine_nodes order by node_number", connection);
        var numbers = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) numbers.Add(reader.GetInt32(0));
        return numbers;
    }

    private static async Task<DateTimeOffset?> LateEventRecordedAtAsync(NpgsqlConnection connection, string code)
    {
        await using var command = new NpgsqlCommand("select timestamp from tracker.mt_events where stream_id = $1 and type = 'dossier_marked_late'", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> probe, TimeSpan bound) where T : struct
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) return null;
            await Task.Delay(250);
        }
    }

    private static Task<HaproxyProcess> BalancerAsync(params int[] nodePorts) =>
        HaproxyProcess.StartAsync(Repository.Path("ops", "cluster", "haproxy.cfg"), TrackerProcess.FreePort(), nodePorts);

    private static string Explain(HaproxyProcess? balancer, params TrackerProcess[] nodes) =>
        $"the balancer logged:\n{string.Join("\n", balancer?.Output.TakeLast(30) ?? [])}\nthe nodes wrote:\n" +
        string.Join("\n---\n", nodes.Select(n => string.Join("\n", n.Output.TakeLast(20))));
}
