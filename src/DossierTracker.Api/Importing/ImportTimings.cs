using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.Api.Importing;

/// <summary>
/// Where an import's time goes, step by step (reading and parsing run on their own thread, beside the rest), so the
/// summary says what bounds it instead of leaving it to guesswork.
/// </summary>
public sealed class ImportTimings
{
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Times the step until the returned value is disposed; the same step's times add up.</summary>
    public Step Measure(string step) => new(this, step, Stopwatch.GetTimestamp());

    public IReadOnlyList<(string Step, TimeSpan Time)> Steps
    {
        get
        {
            lock (_order) return _order.Select(s => (s, Stopwatch.GetElapsedTime(0, _ticks[s]))).ToList();
        }
    }

    public override string ToString() =>
        string.Join(", ", Steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.Time.TotalSeconds:0.0} s")));

    private void Add(string step, long ticks)
    {
        if (!_ticks.ContainsKey(step)) lock (_order) if (!_order.Contains(step)) _order.Add(step);
        _ticks.AddOrUpdate(step, ticks, (_, sum) => sum + ticks);
    }

    public readonly struct Step(ImportTimings timings, string step, long started) : IDisposable
    {
        public void Dispose() => timings.Add(step, Stopwatch.GetTimestamp() - started);
    }
}
