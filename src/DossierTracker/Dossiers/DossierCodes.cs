namespace DossierTracker.Dossiers;

/// <summary>
/// The alphabet of dossier codes, checked at every entry (events, batches, the portal, the dossier view). Invisible
/// characters (zero-width spaces, joiners, direction overrides, BOM, no-break space) made a second dossier that looks
/// identical to the first, and path characters made codes no URL could open; official codes such as
/// <c>000.00.12.H22-220801-0001</c> need nothing beyond this.
/// </summary>
public static class DossierCodes
{
    public const int MaxLength = 100;

    public const string Alphabet =
        "1–100 characters from A–Z, a–z, 0–9, '.', '-' and '_', starting with a letter or a digit";

    public static bool IsValid(string code) =>
        code.Length is >= 1 and <= MaxLength
        && char.IsAsciiLetterOrDigit(code[0])
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
