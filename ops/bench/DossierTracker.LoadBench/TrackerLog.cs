using System.Text.Json;

namespace DossierTracker.LoadBench;

public sealed record TrackerLogLine(DateTimeOffset Timestamp, string Level, string Category, string Message, string? Exception);

/// <summary>The tracker's JSON console log (.data/bench-tracker.log; Warning and above in the benchmarks).</summary>
public static class TrackerLog
{
    public static IReadOnlyList<TrackerLogLine> Between(string? path, DateTimeOffset from, DateTimeOffset to)
    {
        if (path is null || !File.Exists(path)) return [];
        var lines = new List<TrackerLogLine>();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } text)
        {
            if (Parse(text) is { } line && line.Timestamp >= from && line.Timestamp <= to) lines.Add(line);
        }
        return lines;
    }

    private static TrackerLogLine? Parse(string text)
    {
        if (!text.StartsWith("{\"Timestamp\"", StringComparison.Ordinal)) return null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new TrackerLogLine(root.GetProperty("Timestamp").GetDateTimeOffset(), Text("LogLevel") ?? "", Text("Category") ?? "",
                Text("Message") ?? "", Text("Exception"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
