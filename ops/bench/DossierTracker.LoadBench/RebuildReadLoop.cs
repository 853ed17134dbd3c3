using System.Diagnostics;
using System.Net.Http.Headers;

namespace DossierTracker.LoadBench;

/// <summary>
/// A supervisor reading while the read model is rebuilt: one client, back to back, alternating a late list and a monthly
/// report (both answered from the read model's tables), until stopped. Every answer must be a success.
/// </summary>
public sealed class RebuildReadLoop(HttpClient http, string key, string unit)
{
    private readonly List<double> _timings = [];
    private int _failures;
    private string? _firstFailure;

    public async Task RunAsync(CancellationToken stop)
    {
        string[] paths = [$"api/dossiers/late?unit={unit}", $"api/reports/monthly?month=2024-06&unit={unit}"];
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, paths[i % paths.Length]);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            _timings.Add(clock.Elapsed.TotalMilliseconds);
            if (response.IsSuccessStatusCode) continue;
            _failures++;
            _firstFailure ??= $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
        }
    }

    public ReadLoopFigures Figures()
    {
        var sorted = _timings.Order().ToList();
        double At(double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return new ReadLoopFigures(sorted.Count, _failures, _firstFailure, At(0.50), At(0.95), sorted.Count == 0 ? 0 : sorted[^1]);
    }
}

public sealed record ReadLoopFigures(int Reads, int Failures, string? FirstFailure, double P50Ms, double P95Ms, double MaxMs);
