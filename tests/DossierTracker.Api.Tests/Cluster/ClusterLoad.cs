using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Cluster;

/// <summary>
/// One-stop systems posting through the balancer: each worker receives new dossiers one event at a time and, like a
/// real client, posts an event again after a retry-safe answer (the balancer's 502/503/504) until it is acknowledged.
/// </summary>
public sealed class ClusterLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly Task[] _workers;

    /// <summary>Acknowledged eventIds (2xx), with when.</summary>
    public ConcurrentDictionary<string, DateTime> Acknowledged { get; } = new();
    /// <summary>Retry-safe refusals, each followed by a retry of the same event.</summary>
    public ConcurrentQueue<HttpStatusCode> RetrySafeFailures { get; } = new();
    /// <summary>Anything else: a 5xx that is not retry-safe, a 4xx, an exception.</summary>
    public ConcurrentQueue<string> Unexpected { get; } = new();

    private ClusterLoad(string url, string key, string prefix, int workers)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        _workers = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync($"{prefix}-{w}"))).ToArray();
    }

    public static ClusterLoad Start(string url, string key, string prefix, int workers = 8) => new(url, key, prefix, workers);

    public int AcknowledgedSince(DateTime instant) => Acknowledged.Values.Count(at => at > instant);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    private async Task WorkAsync(string worker)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var code = $"{worker}-{i}";
            var body = JsonSerializer.Serialize(new
            {
                eventId = $"{code}-received", type = "received", dossierCode = code, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
                unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online",
            });
            // An event once sent is sent until acknowledged, even past the stop: a client never drops what it sent.
            while (true)
            {
                try
                {
                    using var response = await _http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));
                    if (response.IsSuccessStatusCode)
                    {
                        Acknowledged[$"{code}-received"] = DateTime.UtcNow;
                        break;
                    }
                    if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                    {
                        RetrySafeFailures.Enqueue(response.StatusCode);
                        await Task.Delay(100);
                        continue;
                    }
                    Unexpected.Enqueue($"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Unexpected.Enqueue($"{code}: {e.GetType().Name} {e.Message}");
                    break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
