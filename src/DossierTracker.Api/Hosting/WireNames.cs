using System.Text.Json;

namespace DossierTracker.Api;

/// <summary>The contract's spelling of enum values (kebab-case: <c>on-time</c>, <c>working-days</c>), for SQL columns and CSV.</summary>
public static class WireNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal)) { value = candidate; return true; }
        }
        value = default;
        return false;
    }

    public static IEnumerable<string> All<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Of(v));
}
