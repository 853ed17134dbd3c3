using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Sending;

/// <summary>The tracker's answer for one event of a batch; <see cref="Problem"/> is the problem code (the end of its type URI).</summary>
public sealed record ItemResult(string Status, string? Problem, string? Detail);

/// <summary>
/// Posts batches to <c>POST /api/events/batch</c>, as a one-stop system would: retrying with backoff when the tracker
/// is busy (429, 503), unreachable or slow. A retried batch is safe: what was stored comes back as a duplicate.
/// </summary>
/// <param name="maxAttempts">Tries per batch before giving up; a live run keeps trying while the tracker is down.</param>
public sealed class TrackerClient(HttpClient http, TextWriter log, int maxAttempts)
{
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    public static HttpClient CreateHttp(Uri baseUrl) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public async Task<(IReadOnlyList<ItemResult> Results, int Retries)> PostBatchAsync(string key, IReadOnlyList<SimulatedEvent> events, CancellationToken cancellation)
    {
        var body = Body(events);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? wait;
            string why;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "api/events/batch") { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                using var response = await http.SendAsync(request, cancellation);
                if (response.IsSuccessStatusCode) return (await ResultsAsync(response, events.Count, cancellation), attempt - 1);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    throw new SimulatorException($"The tracker refused an ingest key ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellation)}");
                if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
                    return (await WholeBatchRefusedAsync(response, events.Count, cancellation), attempt - 1);
                why = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                wait = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e)
            {
                why = e.Message;
                wait = null;
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                why = $"no answer within {http.Timeout.TotalSeconds:0} s";
                wait = null;
            }

            if (attempt == maxAttempts)
                throw new SimulatorException($"POST /api/events/batch failed {maxAttempts} times; last: {why}.");
            var backoff = wait ?? TimeSpan.FromMilliseconds(Math.Min(LongestBackoff.TotalMilliseconds, 250 * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble())));
            await log.WriteLineAsync($"Batch of {events.Count} events: {why}; retrying in {backoff.TotalSeconds:0.#} s (attempt {attempt + 1}).");
            await Task.Delay(backoff, cancellation);
        }
    }

    private static byte[] Body(IReadOnlyList<SimulatedEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 300);
        using (var json = new Utf8JsonWriter(buffer, EventWire.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var e in events) EventWire.Write(json, e.Submission);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<IReadOnlyList<ItemResult>> ResultsAsync(HttpResponseMessage response, int count, CancellationToken cancellation)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellation);
        var results = new ItemResult?[count];
        foreach (var item in document.RootElement.GetProperty("results").EnumerateArray())
        {
            string? code = null, detail = null;
            if (item.TryGetProperty("problem", out var problem) && problem.ValueKind == JsonValueKind.Object)
            {
                code = ProblemCode(problem);
                detail = problem.TryGetProperty("detail", out var text) ? text.GetString() : null;
            }
            results[item.GetProperty("index").GetInt32()] = new ItemResult(item.GetProperty("status").GetString() ?? "", code, detail);
        }
        return results.Select(r => r ?? new ItemResult("rejected", "missing-result", "The tracker's answer had no result for this event.")).ToList();
    }

    /// <summary>A refusal of the whole request (400, 413, 500, ...) counts as a rejection of each of its events.</summary>
    private static async Task<IReadOnlyList<ItemResult>> WholeBatchRefusedAsync(HttpResponseMessage response, int count, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        string problem = $"http-{(int)response.StatusCode}", detail = text;
        try
        {
            using var document = JsonDocument.Parse(text);
            problem = ProblemCode(document.RootElement) ?? problem;
            detail = document.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page): the status and the text are all there is.
        }
        return Enumerable.Repeat(new ItemResult("rejected", problem, detail), count).ToList();
    }

    /// <summary>Problem types are stable URIs ending in the problem code (contract: Conventions).</summary>
    private static string? ProblemCode(JsonElement problem) =>
        problem.TryGetProperty("type", out var type) && type.GetString() is { } uri ? uri[(uri.LastIndexOf('/') + 1)..] : null;
}
