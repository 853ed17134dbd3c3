using System.Text.Json;
using DossierTracker.Ingestion;

namespace DossierTracker.NationalPortal;

/// <summary>Turns one object of a <c>CapNhatTienDoHoSoMC</c> payload into a <see cref="ProgressUpdate"/>, or into field errors.</summary>
public static class ProgressUpdateParser
{
    public const int MaxHandlerLength = 200;

    public static (ProgressUpdate? Update, Dictionary<string, string[]> Errors) Parse(JsonElement json)
    {
        var fields = new PortalFields(json);
        if (json.ValueKind != JsonValueKind.Object)
        {
            fields.Error("", "A progress update must be a JSON object.");
            return (null, fields.Errors);
        }
        if (JsonUnicode.FindInvalid(json, "") is { } invalid)
        {
            fields.Error(invalid, JsonUnicode.ErrorAt(invalid));
            return (null, fields.Errors);
        }

        var code = PortalDossierParser.DossierCode(fields);
        var handler = fields.Text("NguoiXuLy", maxLength: MaxHandlerLength);
        var handledAt = fields.Date("ThoiDiemXuLy", required: true);
        var department = fields.Text("PhongBanXuLy", maxLength: MaxHandlerLength);
        var content = fields.Text("NoiDungXuLy");
        var status = (PortalStatus?)fields.Integer("TrangThai", 1, 10);
        var stepDueAt = fields.Date("NgayKetThucTheoQuyDinh");

        return fields.HasErrors
            ? (null, fields.Errors)
            : (new ProgressUpdate(code!, handler, handledAt!.Value, department, content, status, stepDueAt), fields.Errors);
    }
}
