using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.Api.Http;

/// <summary>
/// ISO 8601 timestamps that carry an offset; one without an offset is refused (contract: Conventions). Instants are
/// kept to the microsecond, PostgreSQL's resolution, so a value read back from the database equals the one decided on.
/// </summary>
public static partial class Timestamps
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !WithOffset().IsMatch(text)) return false;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        value = ToMicroseconds(parsed);
        return true;
    }

    public static DateTimeOffset ToMicroseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);
}
