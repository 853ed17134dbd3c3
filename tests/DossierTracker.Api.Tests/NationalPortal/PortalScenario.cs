using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>Scenarios that talk to the tracker as a one-stop system's DVCQG client does.</summary>
public abstract class PortalScenario(TrackerApp app) : ApiScenario(app)
{
    protected const string DongBo = "/api/dvcqg/DongBoHoSoMC";
    protected const string TienDo = "/api/dvcqg/CapNhatTienDoHoSoMC";

    /// <summary>A snapshot as provincial systems write it: every value a string, absent dates as empty strings.</summary>
    protected static Dictionary<string, object?> Snapshot(string code, int status, string receivedAt = "20220801091500",
        string dueAt = "20220804091500", string finishedAt = "", string returnedAt = "", string channel = "2",
        string unit = TestProvince.Justice, string procedure = TestProvince.BirthRegistration, object[]? supplements = null) => new()
    {
        ["MaHoSo"] = code,
        ["MaTTHC"] = procedure,
        ["TenTTHC"] = "Đăng ký khai sinh",
        ["MaLinhVuc"] = "G14",
        ["ChuHoSo"] = "Nguyễn Văn An",
        ["LoaiDoiTuong"] = "1",
        ["NgayTiepNhan"] = receivedAt,
        ["NgayHenTra"] = dueAt,
        ["TrangThaiHoSo"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["NgayKetThucXuLy"] = finishedAt,
        ["NgayTra"] = returnedAt,
        ["DonViXuLy"] = unit,
        ["KenhThucHien"] = channel,
        ["TaiLieuNop"] = Array.Empty<object>(),
        ["DanhSachHoSoBoSung"] = supplements ?? [],
    };

    protected static object Round(string requestedAt, string receivedAt = "", string previousDueAt = "20220804091500", string newDueAt = "") => new
    {
        HoSoBoSungId = "1",
        NguoiYeuCauBoSung = "Trần Thị Bình",
        NoiDungBoSung = "Bổ sung bản sao giấy chứng sinh",
        NgayBoSung = requestedAt,
        NgayTiepNhanBoSung = receivedAt,
        NgayHenTraTruoc = previousDueAt,
        NgayHenTraMoi = newDueAt,
    };

    protected static object Envelope(string service, params object[] data) => new { isUpdating = "false", service, data };

    protected Task<HttpResponseMessage> PostPortalAsync(string url, object body, string? key = null) =>
        SendAsync(HttpMethod.Post, url, body, key ?? IngestKey);

    /// <summary>Posts snapshots to DongBoHoSoMC and returns the portal-style answer (always 200 for a well-formed body).</summary>
    protected Task<JsonObject> SyncAsync(params object[] snapshots) => AnswerAsync(DongBo, Envelope("DongBoHoSoMC", snapshots));

    protected async Task<JsonObject> AnswerAsync(string url, object body, string? key = null)
    {
        var response = await PostPortalAsync(url, body, key);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Posts one snapshot and checks it was accepted.</summary>
    protected async Task<JsonObject> SyncOkAsync(object snapshot)
    {
        var item = Item(await SyncAsync(snapshot), 0);
        item["success"]!.GetValue<bool>().ShouldBeTrue(item.ToJsonString());
        return item;
    }

    protected static JsonObject Item(JsonObject answer, int index) => answer["result"]!.AsArray()[index]!.AsObject();

    protected static List<string> EventStatuses(JsonObject item) =>
        item["events"]!.AsArray().Select(e => $"{e!["type"]}:{e["status"]}").ToList();

    protected async Task<List<string>> TimelineAsync(string code) =>
        (await GetDossierAsync(code))["timeline"]!.AsArray().Select(e => $"{e!["type"]}@{e["occurredAt"]}").ToList();

    protected async Task<HttpStatusCode> DossierStatusCodeAsync(string code, string? key = null) =>
        (await GetAsync($"/api/dossiers/{Uri.EscapeDataString(code)}", key)).StatusCode;

    protected async Task<JsonObject> ReportRowAsync(string month, string unit)
    {
        var response = await GetAsync($"/api/reports/monthly?month={month}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return report["rows"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["kind"]!.GetValue<string>() == "unit" && r["unitCode"]?.GetValue<string>() == unit);
    }
}
