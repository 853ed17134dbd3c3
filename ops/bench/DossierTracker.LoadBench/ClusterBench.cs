using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>
/// Issue 20's two goals, each beside its baseline in the same run. (1) The cost of coordination: single posts by 32
/// clients through HAProxy to one node, then to two nodes on the same machine and database (two cores: the figure is
/// what sharing costs, not scaling). (2) What reads from the replica cost the primary: ingest alone, then with a report
/// loop reading the replica, then with the same loop reading the primary. Each pair is measured A-B-B-A.
/// </summary>
public sealed class ClusterBench(BenchSettings settings, string apiDll, string balancerConfiguration, string? replicaConnection)
{
    private const string Unit = "BENCH.UNIT";
    private const string Procedure = "BENCH.PROC";
    private const int Clients = 32, Readers = 2;
    private const int FirstPort = 5091, SecondPort = 5092, BalancerPort = 5095;
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public async Task<string> RunAsync()
    {
        var text = new StringBuilder();
        await using (var first = await StartNodeAsync(FirstPort, null))
        {
            using (var http = Http.Client(Url(FirstPort)))
            {
                await Http.PutAsync(http, settings.AdminKey, "/api/units", new object[] { new { code = Unit, name = "Benchmark unit", level = "province" } });
                await Http.PutAsync(http, settings.AdminKey, "/api/procedures",
                    new object[] { new { code = Procedure, name = "Benchmark procedure", processingTime = new { value = 3, unit = "working-days" } } });
            }
            await using var second = await StartNodeAsync(SecondPort, null);
            var nodes = new List<(string Name, Measurement M)>();
            foreach (var (name, ports) in new[] { ("1 node", new[] { FirstPort }), ("2 nodes", [FirstPort, SecondPort]), ("2 nodes", [FirstPort, SecondPort]), ("1 node", [FirstPort]) })
            {
                await using var balancer = await BalancerProcess.StartAsync(balancerConfiguration, BalancerPort, ports);
                nodes.Add((name, await IngestAsync($"{name} behind HAProxy", Url(BalancerPort), nodes.Count, null)));
            }
            text.AppendLine("## Several nodes: single POST /api/events, 32 clients through HAProxy");
            text.AppendLine();
            text.Append(Table(nodes, "1 node"));
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"2 nodes / 1 node: **{Mean(nodes, "2 nodes") / Mean(nodes, "1 node"):P1}** of the throughput (goal: overhead ≤ 10 %, i.e. ≥ 90 %).");
            text.AppendLine("Both nodes share the machine's two cores with PostgreSQL and the harness, so this is the cost of coordination, not a gain from scaling.");
        }

        text.AppendLine();
        text.AppendLine("## Reads from a replica: single posts (32 clients) while 2 readers loop on the month's report");
        text.AppendLine();
        if (replicaConnection is null)
        {
            text.AppendLine("(Not measured: BENCH_REPLICA_CONNECTION is not set; ops/bench/run sets it when PostgreSQL runs as ops/up's local cluster.)");
            return text.ToString();
        }
        var replica = new List<(string Name, Measurement M)>();
        foreach (var (name, useReplica, readers) in new[] { ("ingest alone", true, false), ("reports on the replica", true, true), ("reports on the primary", false, true),
                     ("reports on the primary", false, true), ("reports on the replica", true, true), ("ingest alone", true, false) })
        {
            await using var node = await StartNodeAsync(FirstPort, useReplica ? replicaConnection : null);
            replica.Add((name, await IngestAsync(name, Url(FirstPort), replica.Count + 10, readers ? Url(FirstPort) : null)));
        }
        text.Append(Table(replica, "ingest alone"));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ingest with reports on the replica / ingest alone: **{Mean(replica, "reports on the replica") / Mean(replica, "ingest alone"):P1}** (goal: within 5 %, i.e. ≥ 95 %); with the same reports on the primary: {Mean(replica, "reports on the primary") / Mean(replica, "ingest alone"):P1}.");
        text.AppendLine("The replica runs on the same machine, so its replay and the reports still take the cores the primary uses: on one box this shows the database's share, not a second machine's relief.");
        return text.ToString();
    }

    private Task<TrackerProcess> StartNodeAsync(int port, string? replica) =>
        TrackerProcess.StartAsync(apiDll, Url(port), settings.ConnectionString, replica is null
            ? new Dictionary<string, string> { ["LateDetection:Enabled"] = "false" }
            : new Dictionary<string, string> { ["LateDetection:Enabled"] = "false", ["ConnectionStrings:MartenReadOnly"] = replica });

    private async Task<Measurement> IngestAsync(string scenario, string url, int round, string? readersUrl)
    {
        using var http = Http.Client(url);
        using var stop = new CancellationTokenSource();
        var readers = readersUrl is null ? [] : Enumerable.Range(0, Readers).Select(_ => ReadLoopAsync(readersUrl, stop.Token)).ToArray();
        var measurement = await Measurement.RunAsync(scenario, Clients, settings.Duration, async (w, i) =>
        {
            var code = $"cluster-{_run}-{round}-{w}-{i}";
            using var response = await Http.SendAsync(http, settings.IngestKey, HttpMethod.Post, "/api/events", new
            {
                eventId = code + "-received", type = "received", dossierCode = code, occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
                unitCode = Unit, procedureCode = Procedure, channel = "online",
            });
            return response.IsSuccessStatusCode ? 1 : throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}");
        });
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        return measurement;
    }

    /// <summary>The month's report for the whole unit, again and again: the read a supervisor's dashboard makes.</summary>
    private async Task ReadLoopAsync(string url, CancellationToken stop)
    {
        using var http = Http.Client(url);
        var month = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        while (!stop.IsCancellationRequested)
        {
            using var response = await Http.GetAsync(http, settings.AdminKey, $"/api/reports/monthly?month={month}&unit={Unit}");
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The report answered {(int)response.StatusCode}");
        }
    }

    private static double Mean(List<(string Name, Measurement M)> rows, string name) => rows.Where(r => r.Name == name).Average(r => r.M.EventsPerSecond);

    private static string Table(List<(string Name, Measurement M)> rows, string baseline)
    {
        var text = new StringBuilder();
        text.AppendLine("| round | scenario | events | events/s | p50 ms | p99 ms | vs " + baseline + " (mean) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        var reference = Mean(rows, baseline);
        for (var i = 0; i < rows.Count; i++)
        {
            var m = rows[i].M;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {m.Scenario} | {m.Events:N0} | {m.EventsPerSecond:N0} | {m.P50Ms:N1} | {m.P99Ms:N1} | {m.EventsPerSecond / reference:P0} |");
        }
        return text.ToString();
    }

    private static string Url(int port) => $"http://127.0.0.1:{port}";
}
