using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace DossierTracker.Ingestion;

/// <summary>
/// Finds JSON strings that escape a lone UTF-16 surrogate (<c>"\ud800"</c>, <c>"\udc00"</c>): valid JSON syntax, but no
/// text, so System.Text.Json throws when such a string or property name is read, and even when another property of the
/// same object is looked up. Checked before an object is read, so it becomes a field error instead of a 500. Raw bytes
/// that are not UTF-8 never get this far: the body is refused whole as not JSON.
/// </summary>
public static class JsonUnicode
{
    public const string Message = "must be valid Unicode text (an escaped lone surrogate such as \\ud800 is not)";

    /// <summary>The field error for a path <see cref="FindInvalid"/> returned (a bad property name reports its object).</summary>
    public static string ErrorAt(string path) => path is "" or "$" ? $"A property name or value {Message}." : $"{path} {Message}.";

    /// <summary>The path (under <paramref name="path"/>) of the first string or property name that is not text, or null.</summary>
    public static string? FindInvalid(JsonElement element, string path = "$") => element.ValueKind switch
    {
        JsonValueKind.String => IsText(JsonMarshal.GetRawUtf8Value(element)) ? null : path,
        JsonValueKind.Array => element.EnumerateArray().Select((item, i) => FindInvalid(item, $"{path}[{i}]")).FirstOrDefault(p => p is not null),
        JsonValueKind.Object => FindInvalidInObject(element, path, skip: null),
        _ => null,
    };

    /// <summary>As <see cref="FindInvalid"/>, leaving out the items of the array <paramref name="itemsProperty"/>, which are judged one by one.</summary>
    public static string? FindInvalidOutsideItems(JsonElement root, string itemsProperty) =>
        root.ValueKind == JsonValueKind.Object ? FindInvalidInObject(root, "$", itemsProperty) : FindInvalid(root);

    private static string? FindInvalidInObject(JsonElement element, string path, string? skip)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!IsText(JsonMarshal.GetRawUtf8PropertyName(property))) return path;
            var name = property.Name;
            if (name == skip && property.Value.ValueKind == JsonValueKind.Array) continue;
            if (FindInvalid(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } invalid) return invalid;
        }
        return null;
    }

    /// <summary>Raw UTF-8 of a string as written (escapes kept): every escaped surrogate must be one half of a pair.</summary>
    private static bool IsText(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\') { if (pendingHigh) return false; continue; }
            if (raw[i + 1] != (byte)'u')
            {
                if (pendingHigh) return false;
                i++;
                continue;
            }
            var unit = int.Parse(raw.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            i += 5;
            if (char.IsHighSurrogate((char)unit)) { if (pendingHigh) return false; pendingHigh = true; }
            else if (char.IsLowSurrogate((char)unit)) { if (!pendingHigh) return false; pendingHigh = false; }
            else if (pendingHigh) return false;
        }
        return !pendingHigh;
    }
}
