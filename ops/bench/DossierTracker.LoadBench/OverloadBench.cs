using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// One request of the overload: when it was due, what came back (0: nothing, or the connection failed), how long after
/// it was due, whether a 429/503 said when to retry, and how late the harness sent it (no connection free at its instant).
/// </summary>
public sealed record OverloadAnswer(TimeSpan Due, int Status, double Ms, bool RetryAfter, double SentLateMs)
{
    /// <summary>The tracker's part of the latency: from the instant the request left the harness.</summary>
    public double SinceSentMs => Ms - SentLateMs;
}

/// <summary>
/// Graceful overload (issue 17): the sustainable single-post rate is measured first (closed loop, 32 clients, as the
/// ingest stage, after a warm-up), then twice that rate is offered open loop (a constant arrival rate, whatever the answers do) for
/// OVERLOAD_SECONDS (default 60). The goal: every request answered within 2 s, only 2xx, 429 and 503, and the accepted
/// ones' p99 under 500 ms: a tracker that cannot keep up says so at once instead of letting requests wait. The open
/// loop is sent by <see cref="OverloadSender"/> (raw connections opened beforehand), which records its own lateness.
/// </summary>
public sealed class OverloadBench(BenchSettings settings, int? trackerPid)
{
    public const int SustainableClients = 32;
    public const double Factor = 2.0;
    private const string Unit = "BENCH.UNIT";
    private const string Procedure = "BENCH.PROC";
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset OccurredAt = DateTimeOffset.UtcNow.AddHours(-1);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public async Task<OverloadReport> RunAsync()
    {
        using var admin = Http.Client(settings.Url);
        await Http.PutAsync(admin, settings.AdminKey, "/api/units", new object[] { new { code = Unit, name = "Benchmark unit", level = "province" } });
        await Http.PutAsync(admin, settings.AdminKey, "/api/procedures",
            new object[] { new { code = Procedure, name = "Benchmark procedure", processingTime = new { value = 3, unit = "working-days" } } });

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(settings.Url), Timeout = OverloadSender.ClientTimeout };
        // A fresh tracker compiles and fills its pools during its first seconds: measured, that would halve the rate.
        Console.Error.WriteLine($"==> Overload: warming up, then the sustainable rate ({SustainableClients} clients, closed loop, {settings.Duration.TotalSeconds:0} s) ...");
        await Measurement.RunAsync("warm-up", SustainableClients, WarmUp, async (w, i) =>
        {
            using var response = await Post(http, $"w-{w}-{i}");
            return 0;
        });
        var sustainable = await Measurement.RunAsync("POST /api/events", SustainableClients, settings.Duration, async (w, i) =>
        {
            using var response = await Post(http, $"s-{w}-{i}");
            return response.IsSuccessStatusCode ? 1 : 0;
        });
        var offered = Factor * sustainable.EventsPerSecond;
        var duration = TimeSpan.FromSeconds(Seconds());
        var connections = OverloadSender.ConnectionsFromEnvironment();
        Console.Error.WriteLine($"==> Overload: {offered:N0} posts/s (open loop, {connections:N0} connections) for {duration.TotalSeconds:0} s ...");

        var sampler = trackerPid is { } pid ? TrackerProcesses.Sampler(pid, await PostmasterAsync()) : null;
        var sender = new OverloadSender(new Uri(settings.Url), settings.IngestKey, Body($"o-{OverloadSender.Placeholder}"), connections);
        var answers = await sender.RunAsync(offered, duration);
        var use = sampler is null ? null : await sampler.StopAsync();
        return new OverloadReport(sustainable, offered, duration, connections, answers, use);
    }

    private async Task<int> PostmasterAsync()
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(settings.ConnectionString);
        return await TrackerProcesses.PostmasterPidAsync(database);
    }

    private async Task<HttpResponseMessage> Post(HttpClient http, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = new StringContent(Body(code), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", settings.IngestKey);
        return await http.SendAsync(request);
    }

    /// <summary>A new dossier's <c>received</c>, as JSON text (the open loop sends it pre-serialised).</summary>
    private string Body(string code)
    {
        var dossier = $"ovl-{_run}-{code}";
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            eventId = dossier + "-received", type = "received", dossierCode = dossier, occurredAt = OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            unitCode = Unit, procedureCode = Procedure, channel = "online", dueAt = OccurredAt.AddDays(3).ToString("O", CultureInfo.InvariantCulture),
        });
    }

    private static double Seconds() =>
        double.TryParse(Environment.GetEnvironmentVariable("OVERLOAD_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
}
