using System.Globalization;
using System.Text.Json;
using DossierTracker.Calendar;

namespace DossierTracker.NationalPortal;

/// <summary>
/// Reads one portal object the way one-stop systems write it: values as strings or numbers (<c>"4"</c> or <c>4</c>),
/// an empty string or null meaning absent, surrounding spaces dropped, names matched exactly or else ignoring case,
/// extra fields ignored. Collects every error (field → messages) rather than stopping at the first.
/// </summary>
public sealed class PortalFields(JsonElement json, Dictionary<string, string[]> errors, string prefix = "")
{
    public const int MaxCodeLength = 100;
    public const int MaxTextLength = 2000;

    public PortalFields(JsonElement json) : this(json, new Dictionary<string, string[]>(StringComparer.Ordinal)) { }

    public Dictionary<string, string[]> Errors => errors;
    public bool HasErrors => errors.Count > 0;

    /// <summary>Values of optional fields set aside without refusing the item (field → messages).</summary>
    public Dictionary<string, string[]> Warnings { get; } = new(StringComparer.Ordinal);

    public void Warn(string field, string message) =>
        Warnings[prefix + field] = Warnings.TryGetValue(prefix + field, out var existing) ? [.. existing, message] : [message];

    /// <summary>A sender's value quoted in a message, cut to a readable length.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    public void Error(string field, string message)
    {
        var key = prefix + field;
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
    }

    /// <summary>The fields of a nested object, reporting errors under <c>{name}[{index}].</c>.</summary>
    public PortalFields Nested(JsonElement item, string name, int index) => new(item, errors, $"{prefix}{name}[{index}].");

    public JsonElement? Value(string name)
    {
        if (json.ValueKind != JsonValueKind.Object) return null;
        if (json.TryGetProperty(name, out var exact)) return exact;
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }
        return null;
    }

    public string? Text(string name, bool required = false, int maxLength = MaxTextLength)
    {
        var text = Value(name) switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value => value.GetString()!.Trim(),
            { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
            _ => Invalid(name, $"{name} must be a string or a number."),
        };
        if (string.IsNullOrEmpty(text))
        {
            if (required && !errors.ContainsKey(prefix + name)) Error(name, $"{name} is required.");
            return null;
        }
        if (text.Length > maxLength) return Invalid(name, $"{name} must be at most {maxLength} characters.");
        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) return Invalid(name, $"{name} must not contain control characters.");
        return text;
    }

    /// <summary>
    /// An optional text the tracker can do without: a value it cannot read (not a string or a number, too long, control
    /// characters) is set aside with a warning rather than refusing the item.
    /// </summary>
    public string? OptionalText(string name, int maxLength = MaxTextLength)
    {
        var value = Value(name);
        var text = value switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } v => v.GetString()!.Trim(),
            { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
            _ => "",
        };
        if (value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number) }
            || text is not null && (text.Length > maxLength || text.Any(char.IsControl)))
        {
            Warn(name, $"{name} is not a text of at most {maxLength} characters without control characters; set aside.");
            return null;
        }
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>Identifiers (MaHoSo, MaTTHC): at most 100 characters, no control characters.</summary>
    public string? Code(string name, bool required = false)
    {
        var text = Text(name, required, MaxCodeLength);
        if (text is null) return null;
        return text.Any(char.IsControl) ? Invalid(name, $"{name} must not contain control characters.") : text;
    }

    public int? Integer(string name, int min, int max, bool required = false)
    {
        var text = Text(name, required, 10);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : InvalidValue<int>(name, $"{name} must be a whole number from {min} to {max}.");
    }

    public DateTimeOffset? Date(string name, bool required = false)
    {
        var text = Text(name, required, 20);
        if (text is null) return null;
        return PortalDates.TryParse(text, out var instant)
            ? instant
            : InvalidValue<DateTimeOffset>(name, $"{name} must be a time {PortalDates.Format} (Vietnam local time) in {SupportedYears.Description}, e.g. 20220801091500.");
    }

    /// <summary>The objects of an optional array; null, an empty string or an absent field is an empty list.</summary>
    public IReadOnlyList<JsonElement> Objects(string name)
    {
        switch (Value(name))
        {
            case null or { ValueKind: JsonValueKind.Null }:
            case { ValueKind: JsonValueKind.String } empty when string.IsNullOrWhiteSpace(empty.GetString()):
                return [];
            case { ValueKind: JsonValueKind.Array } array:
                var items = array.EnumerateArray().ToList();
                if (items.Any(i => i.ValueKind != JsonValueKind.Object)) Error(name, $"{name} must be an array of objects.");
                return items.Where(i => i.ValueKind == JsonValueKind.Object).ToList();
            default:
                Error(name, $"{name} must be an array.");
                return [];
        }
    }

    private string? Invalid(string name, string message)
    {
        Error(name, message);
        return null;
    }

    private T? InvalidValue<T>(string name, string message) where T : struct
    {
        Error(name, message);
        return null;
    }
}
