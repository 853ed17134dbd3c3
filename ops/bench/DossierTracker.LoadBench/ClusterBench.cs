using System.Globalization;
using System.Text;
using DossierTracker.Balancer;

namespace DossierTracker.LoadBench;

/// <summary>
/// Issue 20's two goals, each beside its baseline in the same run. (1) The cost of coordination: single posts by 32
/// clients through HAProxy to one node, then to two nodes on the same machine and database (two cores: the figure is
/// what sharing costs, not scaling), the two with four group-commit writers each (the default) and with two each (the
/// one node's four, split). (2) What reads from the replica cost the primary: ingest alone, then with a report loop
/// reading the replica, then with the same loop reading the primary. Every node is started once and warmed up by an
/// unmeasured round (JIT, pools) before the measured rounds, which run A-B-C-C-B-A.
/// </summary>
public sealed class ClusterBench(BenchSettings settings, string apiDll, string balancerConfiguration, string? replicaConnection)
{
    private const string Unit = "BENCH.UNIT";
    private const string Procedure = "BENCH.PROC";
    private const int Clients = 32, Readers = 2;
    private const int FirstPort = 5091, SecondPort = 5092, ThirdPort = 5093, FourthPort = 5094, BalancerPort = 5095;
    private const string OneNode = "1 node, 4 writers", TwoNodesFour = "2 nodes, 4 writers each", TwoNodesTwo = "2 nodes, 2 writers each";
    private const string Alone = "ingest alone", OnReplica = "reports on the replica", OnPrimary = "reports on the primary";
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public async Task<string> RunAsync()
    {
        var text = new StringBuilder();
        var nodes = new List<(string Name, Measurement M)>();
        await using (var started = await StartNodesAsync((FirstPort, null, 4), (SecondPort, null, 4), (ThirdPort, null, 2), (FourthPort, null, 2)))
        {
            using (var http = Http.Client(Url(FirstPort)))
            {
                await Http.PutAsync(http, settings.AdminKey, "/api/units", new object[] { new { code = Unit, name = "Benchmark unit", level = "province" } });
                await Http.PutAsync(http, settings.AdminKey, "/api/procedures",
                    new object[] { new { code = Procedure, name = "Benchmark procedure", processingTime = new { value = 3, unit = "working-days" } } });
            }
            var rounds = new[]
            {
                ("warm-up, all four nodes (not counted)", new[] { FirstPort, SecondPort, ThirdPort, FourthPort }),
                (OneNode, [FirstPort]), (TwoNodesFour, [FirstPort, SecondPort]), (TwoNodesTwo, [ThirdPort, FourthPort]),
                (TwoNodesTwo, [ThirdPort, FourthPort]), (TwoNodesFour, [FirstPort, SecondPort]), (OneNode, [FirstPort]),
            };
            foreach (var (name, ports) in rounds)
            {
                await using var balancer = await HaproxyProcess.StartAsync(balancerConfiguration, BalancerPort, ports, requestLog: false);
                nodes.Add((name, await IngestAsync(name, Url(BalancerPort), nodes.Count, null)));
            }
        }
        text.AppendLine("## Several nodes: single POST /api/events, 32 clients through HAProxy");
        text.AppendLine();
        text.Append(Table(nodes, OneNode));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"2 nodes with 2 writers each / 1 node with 4: **{Mean(nodes, TwoNodesTwo) / Mean(nodes, OneNode):P1}** of the throughput (goal: overhead ≤ 10 %, i.e. ≥ 90 %); with 4 writers each: {Mean(nodes, TwoNodesFour) / Mean(nodes, OneNode):P1}.");
        text.AppendLine("Both nodes share the machine's two cores with PostgreSQL and the harness, so this is the cost of coordination, not a gain from scaling.");

        text.AppendLine();
        text.AppendLine("## Reads from a replica: single posts (32 clients) while 2 readers loop on the month's report");
        text.AppendLine();
        if (replicaConnection is null)
        {
            text.AppendLine("(Not measured: BENCH_REPLICA_CONNECTION is not set; ops/bench/run sets it when PostgreSQL runs as ops/up's local cluster.)");
            return text.ToString();
        }
        var replica = new List<(string Name, Measurement M)>();
        // One node reads the replica, the other only the primary; both post to the primary. The warm-up runs each with its readers.
        await using (var started = await StartNodesAsync((FirstPort, replicaConnection, 4), (SecondPort, null, 4)))
        {
            var rounds = new[]
            {
                ("warm-up, node reading the replica (not counted)", FirstPort, true), ("warm-up, node reading the primary (not counted)", SecondPort, true),
                (Alone, FirstPort, false), (OnReplica, FirstPort, true), (OnPrimary, SecondPort, true),
                (OnPrimary, SecondPort, true), (OnReplica, FirstPort, true), (Alone, FirstPort, false),
            };
            foreach (var (name, port, readers) in rounds)
                replica.Add((name, await IngestAsync(name, Url(port), replica.Count + 10, readers ? Url(port) : null)));
        }
        text.Append(Table(replica, Alone));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ingest with reports on the replica / ingest alone: **{Mean(replica, OnReplica) / Mean(replica, Alone):P1}** (goal: within 5 %, i.e. ≥ 95 %); with the same reports on the primary: {Mean(replica, OnPrimary) / Mean(replica, Alone):P1}.");
        text.AppendLine("The replica runs on the same machine, so its replay and the reports still take the cores the primary uses: on one box this shows the database's share, not a second machine's relief.");
        return text.ToString();
    }

    /// <summary>Nodes on the bench database started together (port, read replica or none, group-commit writers), stopped together.</summary>
    private async Task<Nodes> StartNodesAsync(params (int Port, string? Replica, int Writers)[] nodes) =>
        new(await Task.WhenAll(nodes.Select(n =>
        {
            // Patient admission: the closed loop measures what the nodes commit, not when admission control would shed
            // load (two nodes on two cores with PostgreSQL wait past its 200 ms target; the overload stage measures that).
            var configuration = new Dictionary<string, string>
            {
                ["LateDetection:Enabled"] = "false", ["Ingesting:Writers"] = n.Writers.ToString(CultureInfo.InvariantCulture),
                ["Ingesting:MaxQueueWait"] = "00:00:30", ["Ingesting:QueueWaitTarget"] = "00:00:30",
            };
            if (n.Replica is not null) configuration["ConnectionStrings:MartenReadOnly"] = n.Replica;
            return TrackerProcess.StartAsync(apiDll, Url(n.Port), settings.ConnectionString, configuration);
        })));

    private sealed class Nodes(TrackerProcess[] processes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var process in processes) await process.DisposeAsync();
        }
    }

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
