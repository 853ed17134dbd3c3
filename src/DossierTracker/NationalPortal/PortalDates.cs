using System.Globalization;
using DossierTracker.Calendar;

namespace DossierTracker.NationalPortal;

/// <summary>The portal's timestamps: <c>yyyyMMddHHmmss</c>, local time of Vietnam (UTC+7), no offset written.</summary>
public static class PortalDates
{
    public const string Format = "yyyyMMddHHmmss";

    /// <summary>
    /// Parses exactly 14 digits into a UTC instant, so equal times give equal fingerprints; a local date outside the
    /// <see cref="SupportedYears"/> is refused (year 1 has no UTC instant for 00:00 at +07:00).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is not { Length: 14 } || !text.All(char.IsAsciiDigit)) return false;
        if (!DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        if (!SupportedYears.Contains(DateOnly.FromDateTime(local))) return false;
        instant = new DateTimeOffset(local, VietnamTime.Offset).ToUniversalTime();
        return true;
    }

    public static string ToText(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString(Format, CultureInfo.InvariantCulture);
}
