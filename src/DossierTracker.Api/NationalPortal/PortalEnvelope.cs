using System.Text.Json;
using DossierTracker.Api.Http;
using DossierTracker.NationalPortal;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// The portal's request envelope <c>{ "isUpdating", "service", "data": [ ... ], "madonvi" }</c>. A body without
/// <c>service</c> and <c>data</c> is a 400; the items of <c>data</c> are judged one by one later. Optional fields never
/// refuse the request: <c>madonvi</c> (the sending system's unit code, which the portal adapter adds) is read when it
/// is a string, and <c>isUpdating</c> and the others (<c>session</c>, ...) are ignored.
/// </summary>
internal static class PortalEnvelope
{
    public const int MaxItems = 1000;

    /// <summary>
    /// <c>isUpdating</c> is not read: comparing each snapshot with the dossier's state decides what is new, whatever the
    /// sender believes, so a value the tracker does not know cannot refuse a thousand dossiers.
    /// </summary>
    public static (JsonElement Data, string? SenderUnitCode, IResult? Problem) Read(JsonElement root, string service)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (default, null, Problems.Validation(new Dictionary<string, string[]>
                { ["$"] = [$"The body must be {{ \"service\": \"{service}\", \"data\": [ ... ] }}."] }));

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!root.TryGetProperty("service", out var name) || name.ValueKind != JsonValueKind.String
            || !string.Equals(name.GetString(), service, StringComparison.OrdinalIgnoreCase))
            errors["service"] = [$"service must be \"{service}\" on this endpoint."];
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            errors["data"] = ["data must be an array."];
        else if (data.GetArrayLength() > MaxItems)
            errors["data"] = [$"data holds at most {MaxItems} items."];

        return errors.Count > 0 ? (default, null, Problems.Validation(errors)) : (data, SenderUnit(root), null);
    }

    /// <summary>madonvi when it is a string of a code's length (text outside <c>data</c> was checked for lone surrogates).</summary>
    private static string? SenderUnit(JsonElement root) =>
        new PortalFields(root).Value("madonvi") is { ValueKind: JsonValueKind.String } unit
            && unit.GetString()!.Trim() is { Length: > 0 and <= PortalFields.MaxCodeLength } code
            ? code
            : null;
}
