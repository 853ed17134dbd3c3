using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DossierTracker.LoadBench;

/// <summary>Latency of one read, measured sequentially (one client) after a few warm-up calls, as a supervisor sees it.</summary>
public sealed record QueryLatency(string Name, string Path, int Runs, double P50Ms, double P95Ms, double MaxMs, string Answer)
{
    private const int WarmUps = 3;
    private const int MeasuredRuns = 30;

    /// <param name="key">The API key sent as a bearer token; null for a client that carries a dashboard session cookie.</param>
    public static async Task<QueryLatency> MeasureAsync(HttpClient http, string? key, string name, string path)
    {
        var answer = "";
        var timings = new List<double>(MeasuredRuns);
        for (var i = 0; i < WarmUps + MeasuredRuns; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
            if (i >= WarmUps) timings.Add(elapsed);
            answer = Describe(body);
        }
        timings.Sort();
        return new QueryLatency(name, path, timings.Count, Percentile(timings, 0.50), Percentile(timings, 0.95), timings[^1], answer);
    }

    /// <summary>What came back, to show the query did real work: a list's total, a report's rows and dossiers received.</summary>
    private static string Describe(string body)
    {
        if (!body.StartsWith('{')) return "";
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        if (root.TryGetProperty("total", out var total)) return $"{total.GetInt32():N0} dossiers listed";
        if (root.TryGetProperty("rows", out var rows))
        {
            var last = rows.EnumerateArray().Last();
            return $"{rows.GetArrayLength()} rows, {last.GetProperty("received").GetInt32():N0} received";
        }
        return "";
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
