using System.Diagnostics;

namespace DossierTracker.LoadBench;

/// <summary>Throughput and latency of one scenario: operations run by N workers for a fixed time.</summary>
public sealed record Measurement(string Scenario, int Concurrency, long Operations, long Events, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>Runs <paramref name="operation"/> (returning the number of events it stored) on N workers until the time is up.</summary>
    public static async Task<Measurement> RunAsync(string scenario, int concurrency, TimeSpan duration, Func<int, long, Task<int>> operation)
    {
        var latencies = new List<double>[concurrency];
        var events = new long[concurrency];
        var clock = Stopwatch.StartNew();
        var deadline = duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            for (long i = 0; clock.Elapsed < deadline; i++)
            {
                var started = clock.Elapsed;
                events[worker] += await operation(worker, i);
                latencies[worker].Add((clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(scenario, concurrency, all.Length, events.Sum(), elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
