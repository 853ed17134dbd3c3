using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DossierTracker.Dossiers;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace DossierTracker.LoadBench;

/// <summary>
/// Ingestion through the tracker's HTTP API against the baseline of appending the same events straight to Marten,
/// on the same database in the same run (issue 4's benchmark).
/// </summary>
public sealed class IngestBenchmark(BenchSettings settings)
{
    private const string Unit = "BENCH.UNIT";
    private const string Procedure = "BENCH.PROC";
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss");
    private static readonly DateTimeOffset OccurredAt = DateTimeOffset.UtcNow.AddHours(-1);

    /// <summary>The scenarios, and where the machine's CPU went during each (when the tracker's pid is known).</summary>
    public async Task<string> RunAsync()
    {
        using var http = Http.Client(settings.Url);
        await Http.PutAsync(http, settings.AdminKey, "/api/units",
            new object[] { new { code = Unit, name = "Benchmark unit", level = "province" } });
        await Http.PutAsync(http, settings.AdminKey, "/api/procedures",
            new object[] { new { code = Procedure, name = "Benchmark procedure", processingTime = new { value = 3, unit = "working-days" } } });

        await using var raw = RawStore();
        await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(settings.ConnectionString);
        var postmaster = await TrackerProcesses.PostmasterPidAsync(database);
        var trackerPid = int.TryParse(Environment.GetEnvironmentVariable("BENCH_TRACKER_PID"), out var pid) ? pid : 0;

        var results = new List<(Measurement Measurement, ResourceUse? Cpu, double? GroupSize)>();
        async Task MeasureAsync(string scenario, int concurrency, Func<int, long, Task<int>> operation)
        {
            var groupsBefore = await GroupsAsync(http);
            await using var sampler = trackerPid > 0 ? TrackerProcesses.Sampler(trackerPid, postmaster) : null;
            var measurement = await Measurement.RunAsync(scenario, concurrency, settings.Duration, operation);
            var cpu = sampler is null ? null : await sampler.StopAsync();
            var groupsAfter = await GroupsAsync(http);
            var groups = groupsAfter.Count - groupsBefore.Count;
            results.Add((measurement, cpu, groups > 0 ? (groupsAfter.Requests - groupsBefore.Requests) / groups : null));
        }

        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            await MeasureAsync("raw Marten append, 1 event per transaction", concurrency, (w, i) => RawAppendAsync(raw, [Code("raw", concurrency, w, i)]));
            await MeasureAsync("POST /api/events", concurrency, (w, i) => PostSingleAsync(http, Code("http", concurrency, w, i)));
        }
        foreach (var concurrency in new[] { 1, 4 })
        {
            await MeasureAsync("raw Marten append, 1000 events per transaction", concurrency,
                (w, i) => RawAppendAsync(raw, Enumerable.Range(0, 1000).Select(n => Code($"rawb{n}", concurrency, w, i)).ToArray()));
            await MeasureAsync("POST /api/events/batch (1000 events)", concurrency,
                (w, i) => PostBatchAsync(http, Enumerable.Range(0, 1000).Select(n => Code($"httpb{n}", concurrency, w, i)).ToArray()));
        }
        return MarkdownTable.Of([.. results.Select(r => r.Measurement)]) + Environment.NewLine + CpuTable(results);
    }

    /// <summary>Requests committed in groups so far and the number of groups (group commit's own metric; none before it).</summary>
    private async Task<(double Requests, double Count)> GroupsAsync(HttpClient http)
    {
        using var response = await Http.GetAsync(http, settings.AdminKey, "/metrics");
        var lines = response.IsSuccessStatusCode ? (await response.Content.ReadAsStringAsync()).Split('\n') : [];
        double Value(string name) => lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        return (Value("dossiertracker_ingest_group_requests_sum"), Value("dossiertracker_ingest_group_requests_count"));
    }

    /// <summary>What bounds each figure: the raw baselines run Marten inside the harness, the HTTP rows in the tracker.</summary>
    private static string CpuTable(IReadOnlyList<(Measurement Measurement, ResourceUse? Cpu, double? GroupSize)> results)
    {
        if (results.Any(r => r.Cpu is null)) return "(CPU not sampled: BENCH_TRACKER_PID is not set.)" + Environment.NewLine;
        var text = new System.Text.StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CPU while each scenario ran, in cores of the machine's {Environment.ProcessorCount}:");
        text.AppendLine();
        text.AppendLine("| scenario | clients | tracker | PostgreSQL | harness | other | idle | requests per group commit |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (m, cpu, groupSize) in results)
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"| {m.Scenario} | {m.Concurrency} | {cpu!.CoresByGroup["tracker"]:N2} | {cpu.CoresByGroup["PostgreSQL"]:N2} | {cpu.CoresByGroup["benchmark harness"]:N2} | {cpu.OtherCores:N2} | {cpu.Cores - cpu.BusyCores:N2} | {(groupSize is { } size ? size.ToString("N1", System.Globalization.CultureInfo.InvariantCulture) : "—")} |");
        return text.ToString();
    }

    private string Code(string kind, int concurrency, int worker, long i) => $"bench-{_run}-{kind}-{concurrency}-{worker}-{i}";

    private IDocumentStore RawStore() => DocumentStore.For(options =>
    {
        options.Connection(settings.ConnectionString);
        options.DatabaseSchemaName = "bench_raw";
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
    });

    private static DossierReceived Received(string code) => new(code + "-received", OccurredAt, DateTimeOffset.UtcNow, EventSources.OneStop,
        Unit, Procedure, Channel.Online, OccurredAt.AddDays(3), DueAtComputed: false);

    private static async Task<int> RawAppendAsync(IDocumentStore store, string[] codes)
    {
        await using var session = store.LightweightSession();
        foreach (var code in codes) session.Events.StartStream<Dossier>(code, Received(code));
        await session.SaveChangesAsync();
        return codes.Length;
    }

    private static object Body(string code) => new
    {
        eventId = code + "-received", type = "received", dossierCode = code, occurredAt = OccurredAt.ToString("O"),
        unitCode = Unit, procedureCode = Procedure, channel = "online", dueAt = OccurredAt.AddDays(3).ToString("O"),
    };

    private async Task<int> PostSingleAsync(HttpClient http, string code)
    {
        using var response = await Http.SendAsync(http, settings.IngestKey, HttpMethod.Post, "/api/events", Body(code));
        return response.IsSuccessStatusCode ? 1 : throw new InvalidOperationException($"POST /api/events answered {(int)response.StatusCode}");
    }

    private async Task<int> PostBatchAsync(HttpClient http, string[] codes)
    {
        using var response = await Http.SendAsync(http, settings.IngestKey, HttpMethod.Post, "/api/events/batch", new { events = codes.Select(Body) });
        return response.IsSuccessStatusCode ? codes.Length : throw new InvalidOperationException($"POST /api/events/batch answered {(int)response.StatusCode}");
    }
}

public static class Http
{
    public static HttpClient Client(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <param name="body">Sent as JSON; none when null.</param>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, string key, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, string key, string path) => SendAsync(http, key, HttpMethod.Get, path, null);

    public static async Task PutAsync(HttpClient http, string key, string path, object body)
    {
        using var response = await SendAsync(http, key, HttpMethod.Put, path, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
