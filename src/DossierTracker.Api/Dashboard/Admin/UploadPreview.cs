using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.Dashboard.Admin;

public enum UploadChange
{
    Added,
    Changed,
    Unchanged,
}

/// <summary>What one row of a valid upload would do: add an item, change some of its members (before → after), or nothing.</summary>
public sealed record UploadPreviewRow(int Number, string? Code, UploadChange Change, IReadOnlyList<string> Differences)
{
    /// <summary>Compares each row with the item stored under its code, member by member in the wire format.</summary>
    public static IReadOnlyList<UploadPreviewRow> Of<T>(IEnumerable<UploadRow<T>> rows, Func<T, string?> codeOf, Func<string, T?> stored)
        where T : class =>
        rows.Select(row =>
        {
            var code = codeOf(row.Item);
            if (code is null || stored(code) is not { } before) return new UploadPreviewRow(row.Number, code, UploadChange.Added, []);
            var differences = Compare(Flatten(before), Flatten(row.Item));
            return new UploadPreviewRow(row.Number, code, differences.Count == 0 ? UploadChange.Unchanged : UploadChange.Changed, differences);
        }).ToList();

    private static List<string> Compare(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(name => before.GetValueOrDefault(name) != after.GetValueOrDefault(name))
            .Select(name => $"{name}: {before.GetValueOrDefault(name) ?? "–"} → {after.GetValueOrDefault(name) ?? "–"}")
            .ToList();

    /// <summary>Members by dotted wire name (<c>processingTime.value</c>); absent and null are alike, as for the API.</summary>
    private static Dictionary<string, string> Flatten<T>(T item)
    {
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string prefix)
        {
            if (node is JsonObject inner)
            {
                foreach (var (name, value) in inner) Walk(value, prefix.Length == 0 ? name : $"{prefix}.{name}");
            }
            else if (node is not null && node.ToString() is { Length: > 0 } text) members[prefix] = text;
        }
        Walk(JsonSerializer.SerializeToNode(item, ApiJson.Options), "");
        return members;
    }
}
