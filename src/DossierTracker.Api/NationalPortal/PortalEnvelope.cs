using System.Text.Json;
using DossierTracker.Api.Http;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// The portal's request envelope <c>{ "isUpdating", "service", "data": [ ... ] }</c>. A body of another shape is a 400;
/// the items of <c>data</c> are judged one by one later. Other top-level fields (the portal adapter adds
/// <c>session</c> and <c>madonvi</c>) are ignored.
/// </summary>
internal static class PortalEnvelope
{
    public const int MaxItems = 1000;

    /// <summary>
    /// <c>isUpdating</c> is checked but not used: comparing each snapshot with the dossier's state decides what is new,
    /// whatever the sender believes.
    /// </summary>
    public static (JsonElement Data, IResult? Problem) Read(JsonElement root, string service)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (default, Problems.Validation(new Dictionary<string, string[]>
                { ["$"] = [$"The body must be {{ \"service\": \"{service}\", \"data\": [ ... ] }}."] }));

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!root.TryGetProperty("service", out var name) || name.ValueKind != JsonValueKind.String
            || !string.Equals(name.GetString(), service, StringComparison.OrdinalIgnoreCase))
            errors["service"] = [$"service must be \"{service}\" on this endpoint."];
        if (root.TryGetProperty("isUpdating", out var updating) && !IsBoolean(updating))
            errors["isUpdating"] = ["isUpdating must be true or false (a boolean or the string \"true\" or \"false\")."];
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            errors["data"] = ["data must be an array."];
        else if (data.GetArrayLength() > MaxItems)
            errors["data"] = [$"data holds at most {MaxItems} items."];

        return errors.Count > 0 ? (default, Problems.Validation(errors)) : (data, null);
    }

    private static bool IsBoolean(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
        JsonValueKind.String => value.GetString() is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };
}
