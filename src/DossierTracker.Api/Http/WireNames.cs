using System.Text.Json;

namespace DossierTracker.Api;

/// <summary>
/// The contract's spelling of enum values: kebab-case (<c>on-time</c>, <c>working-days</c>) by default, camelCase where
/// the contract writes it so (<c>sort=dueAt</c>). Used for SQL columns, CSV and query parameters.
/// </summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value, JsonNamingPolicy? policy = null) where TEnum : struct, Enum =>
        Of((Enum)value, policy);

    public static string Of(Enum value, JsonNamingPolicy? policy = null) =>
        (policy ?? JsonNamingPolicy.KebabCaseLower).ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value, JsonNamingPolicy? policy = null) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate, policy), text, StringComparison.Ordinal)) { value = candidate; return true; }
        }
        value = default;
        return false;
    }

    public static IEnumerable<string> All<TEnum>(JsonNamingPolicy? policy = null) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => Of(v, policy));
}
