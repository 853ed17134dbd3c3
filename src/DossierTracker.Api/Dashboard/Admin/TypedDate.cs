using System.Globalization;

namespace DossierTracker.Api.Dashboard.Admin;

/// <summary>
/// Dates as people type them in the admin forms and spreadsheets: dd/mm/yyyy (text inputs, not the browser's date
/// picker, which follows the browser's locale), with the API's yyyy-mm-dd read too.
/// </summary>
public static class TypedDate
{
    public const string Pattern = @"\d{1,2}/\d{1,2}/\d{4}";
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Show(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
