using System.Text;
using System.Text.RegularExpressions;
using DossierTracker.Calendar;
using DossierTracker.Organisation;

namespace DossierTracker.NationalPortal;

/// <summary>
/// Finds the unit that receives a dossier the tracker does not know yet. Real senders put the processing body's name,
/// not a code, in <c>DonViXuLy</c>, so the first of these that names a unit of the tree wins:
/// <list type="number">
/// <item><c>DonViXuLy</c> is a unit's code;</item>
/// <item><c>DonViXuLy</c> is the name of exactly one unit (compared in Unicode form NFC, ignoring case, with runs of
/// white space as one space); when several units share it, of the one among them valid on the receipt's local date;</item>
/// <item>the unit prefix of <c>MaHoSo</c> (<c>{unit}-{yyMMdd}-{sequence}</c>) is a unit's code;</item>
/// <item>the envelope's <c>madonvi</c> (the sending system's unit) is a unit's code.</item>
/// </list>
/// Codes are taken as they are: whether the unit is valid on the receipt date and within the key's scope stays the
/// decider's call, so a wrong code is refused rather than quietly replaced. Names are matched among the units valid
/// that day because reorganisations reuse them (Sở Tư pháp of Hòa Bình until 30/6/2025, of Phú Thọ after).
/// </summary>
public sealed partial class ReceivingUnits
{
    public const string FromCode = "DonViXuLy";
    public const string FromName = "DonViXuLy-name";
    public const string FromDossierCode = "MaHoSo";
    public const string FromEnvelope = "madonvi";

    private readonly OrganisationTree _tree;
    // Built on the first name to look up: a request of codes never pays for it.
    private readonly Lazy<ILookup<string, Unit>> _byName;

    public ReceivingUnits(OrganisationTree tree)
    {
        _tree = tree;
        _byName = new Lazy<ILookup<string, Unit>>(() => tree.Units.ToLookup(u => NormalisedName(u.Name), StringComparer.Ordinal));
    }

    public ReceivingUnit Find(PortalDossier snapshot, string? envelopeUnitCode)
    {
        var body = snapshot.ProcessingBody;
        if (body is not null && _tree.Contains(body)) return new ReceivingUnit(body, FromCode, null);

        var named = body is null ? null : ByName(body, snapshot.ReceivedAt);
        if (named is not null) return new ReceivingUnit(named, FromName, null);

        var prefix = UnitPrefix(snapshot.Code);
        string? code = null, from = null;
        if (prefix is not null && _tree.Contains(prefix)) (code, from) = (prefix, FromDossierCode);
        else if (envelopeUnitCode is not null && _tree.Contains(envelopeUnitCode)) (code, from) = (envelopeUnitCode, FromEnvelope);

        var date = snapshot.ReceivedAt is { } at ? VietnamTime.LocalDate(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "?";
        var tried = body is null
            ? "DonViXuLy is absent"
            : $"DonViXuLy '{PortalFields.Shorten(body)}' is neither a unit code nor the name of exactly one unit valid on {date}";
        if (code is not null)
            return new ReceivingUnit(code, from, $"{tried}; the unit was taken from {from} ('{code}').");

        var detail = $"The receiving unit could not be determined: {tried}; " +
            (prefix is null ? "MaHoSo has no unit prefix ({unit}-{yyMMdd}-{sequence})" : $"the unit prefix of MaHoSo, '{prefix}', is not a unit code") +
            "; " + (envelopeUnitCode is null ? "madonvi is absent." : $"madonvi '{PortalFields.Shorten(envelopeUnitCode)}' is not a unit code.");
        return new ReceivingUnit(null, null, detail);
    }

    /// <summary>The one unit with this name; when several share it, the one among them valid on the receipt date.</summary>
    private string? ByName(string name, DateTimeOffset? receivedAt)
    {
        var matches = _byName.Value[NormalisedName(name)].ToList();
        if (matches.Count > 1 && receivedAt is { } at)
            matches = matches.Where(u => u.IsValidOn(VietnamTime.LocalDate(at))).ToList();
        return matches.Count == 1 ? matches[0].Code : null;
    }

    /// <summary>
    /// Unicode form NFC (a precomposed "ộ" and "o" + combining marks compare equal), lower case, surrounding white space
    /// dropped and every run of white space (no-break spaces too) made one space. Spelling variants such as "Hoà" and
    /// "Hòa" (the tone mark on another vowel) are different names.
    /// </summary>
    public static string NormalisedName(string name) =>
        WhiteSpace().Replace(name.Normalize(NormalizationForm.FormC), " ").Trim().ToLowerInvariant();

    /// <summary>The unit part of a dossier code <c>{unit}-{yyMMdd}-{sequence}</c>, e.g. <c>000.23.30.H56</c>.</summary>
    public static string? UnitPrefix(string dossierCode) =>
        DossierCodeShape().Match(dossierCode) is { Success: true } match ? match.Groups["unit"].Value : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<unit>.+)-[0-9]{6}-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DossierCodeShape();
}

/// <summary>
/// The receiving unit's code and where it came from (<see cref="ReceivingUnits.FromCode"/>, ...), or null with
/// <see cref="Note"/> saying why not. With a code, <see cref="Note"/> is a warning when DonViXuLy was not used.
/// </summary>
public sealed record ReceivingUnit(string? Code, string? From, string? Note);
