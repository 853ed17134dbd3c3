using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>
/// The tracker's own Prometheus figures (/metrics): the requests it answered, by route and status (every client's,
/// the simulator's batches included), and its managed heap after the last garbage collection.
/// </summary>
public sealed partial class TrackerMetrics(IReadOnlyList<(string Name, IReadOnlyDictionary<string, string> Labels, double Value)> samples)
{
    /// <summary>/metrics asks for an admin key.</summary>
    public static async Task<TrackerMetrics> ScrapeAsync(HttpClient http, string adminKey)
    {
        using var response = await Http.GetAsync(http, adminKey, "/metrics");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return new TrackerMetrics(text.Split('\n').Select(line => Sample().Match(line)).Where(m => m.Success).Select(m => (
            m.Groups["name"].Value,
            (IReadOnlyDictionary<string, string>)Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
            double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture))).ToList());
    }

    /// <summary>The sum of a metric's samples whose name starts with <paramref name="name"/> (and match the label, when given); null when none.</summary>
    public double? Value(string name, string? label = null, string? labelValue = null)
    {
        var matching = samples.Where(s => s.Name.StartsWith(name, StringComparison.Ordinal)
            && (label is null || s.Labels.GetValueOrDefault(label) == labelValue)).ToList();
        return matching.Count == 0 ? null : matching.Sum(s => s.Value);
    }

    public double ManagedHeapMb => samples.Where(s => s.Name == "dotnet_gc_last_collection_heap_size_bytes").Sum(s => s.Value) / (1024 * 1024);

    /// <summary>
    /// The managed heap and what the GC holds from the system, for telling a leak from the GC settling: a leak grows
    /// what survives gen2 collections; a GC settling grows only its committed memory (kept for the next allocations).
    /// </summary>
    public HeapSample Heap(TimeSpan at) => new(at, ManagedHeapMb,
        Sum("dotnet_gc_last_collection_heap_size_bytes", "gc_heap_generation", "gen2") + Sum("dotnet_gc_last_collection_heap_size_bytes", "gc_heap_generation", "loh"),
        Sum("dotnet_gc_last_collection_memory_committed_size_bytes"), (long)(Value("dotnet_gc_collections", "gc_heap_generation", "gen2") ?? 0));

    private double Sum(string name, string? label = null, string? labelValue = null) =>
        samples.Where(s => s.Name == name && (label is null || s.Labels.GetValueOrDefault(label) == labelValue)).Sum(s => s.Value) / (1024 * 1024);

    /// <summary>Requests answered, by "METHOD route" and status code.</summary>
    public Dictionary<(string Request, int Status), long> Requests() => samples
        .Where(s => s.Name == "http_server_request_duration_seconds_count")
        .GroupBy(s => ($"{s.Labels.GetValueOrDefault("http_request_method")} {s.Labels.GetValueOrDefault("http_route", "(no route)")}",
            int.Parse(s.Labels.GetValueOrDefault("http_response_status_code", "0"), CultureInfo.InvariantCulture)))
        .ToDictionary(g => g.Key, g => (long)g.Sum(s => s.Value));

    /// <summary>What was answered between two scrapes.</summary>
    public static Dictionary<(string Request, int Status), long> RequestsBetween(TrackerMetrics before, TrackerMetrics after)
    {
        var earlier = before.Requests();
        return after.Requests().Select(r => (r.Key, Count: r.Value - earlier.GetValueOrDefault(r.Key)))
            .Where(r => r.Count > 0).ToDictionary(r => r.Key, r => r.Count);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[-+0-9.eE]+|NaN)( \d+)?\r?$")]
    private static partial Regex Sample();

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)""")]
    private static partial Regex Label();
}

/// <summary>The tracker's managed memory at one instant (MB): the heap after the last GC, its gen2 and large-object part, the GC's committed memory, and gen2 collections so far.</summary>
public sealed record HeapSample(TimeSpan At, double HeapMb, double Gen2AndLargeMb, double CommittedMb, long Gen2Collections);
