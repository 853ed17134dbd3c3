using System.Globalization;
using System.Text.Json;
using DossierTracker.Calendar;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Http;

/// <summary>Parses query parameters, collecting every error for one 400 problem (field → messages).</summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;
    public IResult Problem => Problems.Validation(_errors, "One or more query parameters are not valid; see errors.");

    private void Error(string name, string message) => _errors[name] = [message];

    public TEnum Enum<TEnum>(string name, string? text, TEnum defaultValue, JsonNamingPolicy? spelling = null) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(text)) return defaultValue;
        if (WireNames.TryParse(text, out TEnum value, spelling)) return value;
        Error(name, $"{name} must be one of: {string.Join(", ", WireNames.All<TEnum>(spelling))}.");
        return defaultValue;
    }

    public int Integer(string name, string? text, int defaultValue, int min, int max)
    {
        if (string.IsNullOrEmpty(text)) return defaultValue;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Error(name, $"{name} must be a whole number from {min} to {max}.");
        return defaultValue;
    }

    public double Number(string name, string? text, double defaultValue, double minExclusive, double max)
    {
        if (string.IsNullOrEmpty(text)) return defaultValue;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > minExclusive && value <= max) return value;
        Error(name, $"{name} must be a number above {minExclusive} and at most {max}.");
        return defaultValue;
    }

    public DateOnly? Date(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && SupportedYears.Contains(date)) return date;
        Error(name, $"{name} must be a date YYYY-MM-DD in {SupportedYears.Description}.");
        return null;
    }

    public DateTimeOffset? Instant(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (Timestamps.TryParse(text, out var instant) && SupportedYears.Contains(instant)) return instant;
        Error(name, $"{name} must be an ISO 8601 timestamp with an offset, in {SupportedYears.Description}.");
        return null;
    }

    public string? Code(string name, string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.Length <= 100 && !text.Any(char.IsControl)) return text;
        Error(name, $"{name} must be a code of at most 100 characters.");
        return null;
    }

    public ReportMonth? Month(string name, string? text, bool required)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) Error(name, $"{name} is required (YYYY-MM).");
            return null;
        }
        if (ReportMonth.TryParse(text, out var month)) return month;
        Error(name, $"{name} must be a month YYYY-MM from {ReportMonth.FirstYear}-01 to {ReportMonth.LastYear}-12.");
        return null;
    }

    public void Check(bool condition, string name, string message)
    {
        if (!condition) Error(name, message);
    }
}
