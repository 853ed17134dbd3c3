using System.Text.Json;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.NationalPortal;

/// <summary>
/// Turns one object of a <c>DongBoHoSoMC</c> payload into a <see cref="PortalDossier"/>, or into field errors. Only the
/// fields the tracker uses are read; the portal's many others (ChuHoSo, TaiLieuNop, ...) are ignored.
/// </summary>
public static class PortalDossierParser
{
    public static (PortalDossier? Dossier, Dictionary<string, string[]> Errors) Parse(JsonElement json)
    {
        var fields = new PortalFields(json);
        if (json.ValueKind != JsonValueKind.Object)
        {
            fields.Error("", "A dossier must be a JSON object.");
            return (null, fields.Errors);
        }
        if (JsonUnicode.FindInvalid(json, "") is { } invalid)
        {
            fields.Error(invalid, JsonUnicode.ErrorAt(invalid));
            return (null, fields.Errors);
        }

        var code = DossierCode(fields);
        var status = (PortalStatus?)fields.Integer("TrangThaiHoSo", 1, 10, required: true);
        // A dossier the figures never count needs nothing else; the portal leaves NgayTiepNhan empty for status 1.
        var counted = status?.IsCounted() ?? false;
        var procedure = fields.Code("MaTTHC", required: counted);
        // A unit code or, as real senders write it, the processing body's name: ReceivingUnits finds the unit.
        var processingBody = fields.OptionalText("DonViXuLy");
        var channel = ChannelOf(fields);
        var receivedAt = fields.Date("NgayTiepNhan", required: counted);
        var dueAt = fields.Date("NgayHenTra");
        var finishedAt = fields.Date("NgayKetThucXuLy", required: status == PortalStatus.Resolved);
        var returnedAt = fields.Date("NgayTra", required: status == PortalStatus.Returned);
        var supplements = Supplements(fields);

        return fields.HasErrors
            ? (null, fields.Errors)
            : (new PortalDossier(code!, status!.Value, procedure, processingBody, channel, receivedAt, dueAt, finishedAt, returnedAt, supplements)
                { Warnings = fields.Warnings }, fields.Errors);
    }

    /// <summary>MaHoSo, checked as the tracker's dossier codes are.</summary>
    public static string? DossierCode(PortalFields fields)
    {
        var code = fields.Code("MaHoSo", required: true);
        if (code is null || DossierCodes.IsValid(code)) return code;
        fields.Error("MaHoSo", $"MaHoSo must be {DossierCodes.Alphabet}.");
        return null;
    }

    /// <summary>
    /// KenhThucHien: 1 direct, 2 online, 3 public postal service. Real senders leave it out; form 06 counts direct and
    /// postal together, so absent is direct, and a value the tracker does not know is direct with a warning rather than a
    /// refusal of the dossier.
    /// </summary>
    private static Channel ChannelOf(PortalFields fields)
    {
        var text = fields.Value("KenhThucHien") switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value => value.GetString()!.Trim(),
            { } value => value.GetRawText(),
        };
        switch (text)
        {
            case null or "": return Channel.Direct;
            case "1": return Channel.Direct;
            case "2": return Channel.Online;
            case "3": return Channel.Postal;
            default:
                fields.Warn("KenhThucHien", $"KenhThucHien '{PortalFields.Shorten(text)}' is not 1, 2 or 3; counted as direct.");
                return Channel.Direct;
        }
    }

    private static IReadOnlyList<SupplementRound> Supplements(PortalFields fields)
    {
        var rounds = new List<SupplementRound>();
        var items = fields.Objects("DanhSachHoSoBoSung");
        for (var i = 0; i < items.Count; i++)
        {
            var round = fields.Nested(items[i], "DanhSachHoSoBoSung", i);
            var requestedAt = round.Date("NgayBoSung", required: true);
            var receivedAt = round.Date("NgayTiepNhanBoSung");
            var previousDueAt = round.Date("NgayHenTraTruoc");
            var newDueAt = round.Date("NgayHenTraMoi");
            var request = round.Text("NoiDungBoSung");
            if (receivedAt < requestedAt) round.Error("NgayTiepNhanBoSung", "NgayTiepNhanBoSung must not be before NgayBoSung.");
            if (requestedAt is { } at) rounds.Add(new SupplementRound(at, receivedAt, previousDueAt, newDueAt, request));
        }
        return rounds.OrderBy(r => r.RequestedAt).ToList();
    }
}
