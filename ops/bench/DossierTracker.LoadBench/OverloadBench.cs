using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>One request of the overload: when it was due, what came back, how long after it was due, and whether a 429/503 said when to retry.</summary>
public sealed record OverloadAnswer(TimeSpan Due, int Status, double Ms, bool RetryAfter);

/// <summary>
/// Graceful overload (issue 17): the sustainable single-post rate is measured first (closed loop, 32 clients, as the
/// ingest stage, after a warm-up), then twice that rate is offered open loop (a constant arrival rate, whatever the answers do) for
/// OVERLOAD_SECONDS (default 60). The goal: every request answered within 2 s, only 2xx, 429 and 503, and the accepted
/// ones' p99 under 500 ms: a tracker that cannot keep up says so at once instead of letting requests wait.
/// </summary>
public sealed class OverloadBench(BenchSettings settings, int? trackerPid)
{
    public const int SustainableClients = 32;
    public const double Factor = 2.0;
    private const string Unit = "BENCH.UNIT";
    private const string Procedure = "BENCH.PROC";
    /// <summary>Far beyond the 2 s goal, so a request the tracker holds is seen as late, not cut off by the client.</summary>
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset OccurredAt = DateTimeOffset.UtcNow.AddHours(-1);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public async Task<OverloadReport> RunAsync()
    {
        using var admin = Http.Client(settings.Url);
        await Http.PutAsync(admin, settings.AdminKey, "/api/units", new object[] { new { code = Unit, name = "Benchmark unit", level = "province" } });
        await Http.PutAsync(admin, settings.AdminKey, "/api/procedures",
            new object[] { new { code = Procedure, name = "Benchmark procedure", processingTime = new { value = 3, unit = "working-days" } } });

        // Open loop needs connections for every request in flight; a 503 frees its connection at once.
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = new Uri(settings.Url), Timeout = ClientTimeout };
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
        Console.Error.WriteLine($"==> Overload: {offered:N0} posts/s (open loop) for {duration.TotalSeconds:0} s ...");

        var sampler = trackerPid is { } pid ? TrackerProcesses.Sampler(pid, await PostmasterAsync()) : null;
        var answers = new System.Collections.Concurrent.ConcurrentBag<OverloadAnswer>();
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(duration);
        await OpenLoop.RunAsync(offered, clock, async (n, due) => answers.Add(await SendAsync(http, clock, $"o-{n}", due)), deadline.Token);
        var use = sampler is null ? null : await sampler.StopAsync();
        return new OverloadReport(sustainable, offered, duration, [.. answers.OrderBy(a => a.Due)], use);
    }

    private async Task<int> PostmasterAsync()
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(settings.ConnectionString);
        return await TrackerProcesses.PostmasterPidAsync(database);
    }

    private async Task<OverloadAnswer> SendAsync(HttpClient http, Stopwatch clock, string code, TimeSpan due)
    {
        try
        {
            using var response = await Post(http, code);
            await response.Content.ReadAsByteArrayAsync();
            return new OverloadAnswer(due, (int)response.StatusCode, (clock.Elapsed - due).TotalMilliseconds, response.Headers.RetryAfter is not null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new OverloadAnswer(due, 0, (clock.Elapsed - due).TotalMilliseconds, false);
        }
    }

    private Task<HttpResponseMessage> Post(HttpClient http, string code)
    {
        var dossier = $"ovl-{_run}-{code}";
        return Http.SendAsync(http, settings.IngestKey, HttpMethod.Post, "/api/events", new
        {
            eventId = dossier + "-received", type = "received", dossierCode = dossier, occurredAt = OccurredAt.ToString("O", CultureInfo.InvariantCulture),
            unitCode = Unit, procedureCode = Procedure, channel = "online", dueAt = OccurredAt.AddDays(3).ToString("O", CultureInfo.InvariantCulture),
        });
    }

    private static double Seconds() =>
        double.TryParse(Environment.GetEnvironmentVariable("OVERLOAD_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
}
