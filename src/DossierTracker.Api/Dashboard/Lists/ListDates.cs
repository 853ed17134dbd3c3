using System.Globalization;

namespace DossierTracker.Api.Dashboard.Lists;

/// <summary>
/// Dates on the list pages: typed and shown as dd/mm/yyyy whatever the browser's locale (a date input would follow
/// it, so an English browser shows mm/dd/yyyy); the API's YYYY-MM-DD is read too, so links from other pages and API
/// addresses work.
/// </summary>
public static class ListDates
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Shown(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The API's spelling, which <see cref="LateDossiers.DossierListRequest"/> parses.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
