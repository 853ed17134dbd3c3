using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>CapNhatTienDoHoSoMC: processing steps recorded as processing events.</summary>
public sealed class ProgressSyncTests(TrackerApp app) : PortalScenario(app)
{
    private const string Code = "000.00.01.H99-220801-0001";

    private static object Step(string code = Code, string at = "20220801140000", string handler = "Trần Thị Bình") => new
    {
        MaHoSo = code,
        NguoiXuLy = handler,
        ChucDanh = "Chuyên viên",
        ThoiDiemXuLy = at,
        PhongBanXuLy = "Phòng Hành chính tư pháp",
        NoiDungXuLy = "Thẩm định hồ sơ",
        TrangThai = "4",
        NgayBatDau = "",
        NgayKetThucTheoQuyDinh = "20220802170000",
    };

    private Task<System.Text.Json.Nodes.JsonObject> ProgressAsync(params object[] steps) =>
        AnswerAsync(TienDo, new { service = "CapNhatTienDoHoSoMC", data = steps });

    [Fact]
    public async Task a_step_is_a_processing_event_with_handler_and_step_deadline()
    {
        await SyncOkAsync(Snapshot(Code, 2));

        Item(await ProgressAsync(Step()), 0)["success"]!.GetValue<bool>().ShouldBeTrue();

        var entry = (await GetDossierAsync(Code))["timeline"]!.AsArray()[1]!;
        (entry["type"]!.GetValue<string>(), entry["handler"]!.GetValue<string>(), entry["source"]!.GetValue<string>())
            .ShouldBe(("processing", "Trần Thị Bình", "dvcqg"));
        entry["note"]!.GetValue<string>().ShouldContain("Hạn xử lý bước: 2022-08-02T17:00:00+07:00");
    }

    [Fact]
    public async Task the_dossier_shows_the_officer_holding_it()
    {
        await SyncOkAsync(Snapshot(Code, 2));
        await ProgressAsync(Step());

        var dossier = await GetDossierAsync(Code);

        (dossier["status"]!.GetValue<string>(), dossier["handler"]!.GetValue<string>()).ShouldBe(("processing", "Trần Thị Bình"));
    }

    [Fact]
    public async Task a_repeated_step_is_a_duplicate()
    {
        await SyncOkAsync(Snapshot(Code, 2));
        await ProgressAsync(Step());

        var item = Item(await ProgressAsync(Step()), 0);

        (item["success"]!.GetValue<bool>(), EventStatuses(item).Single()).ShouldBe((true, "processing:duplicate"));
        (await TimelineAsync(Code)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_step_of_an_unknown_dossier_is_refused()
    {
        var answer = await ProgressAsync(Step());

        answer["error_code"]!.GetValue<string>().ShouldBe("-1");
        Item(answer, 0)["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/dossier-not-received");
    }

    [Fact]
    public async Task a_step_after_the_close_is_refused()
    {
        await SyncOkAsync(Snapshot(Code, 9, finishedAt: "20220801160000"));

        Item(await ProgressAsync(Step(at: "20220802090000")), 0)["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/dossier-closed");
    }

    [Fact]
    public async Task steps_are_judged_one_by_one()
    {
        await SyncOkAsync(Snapshot(Code, 2));

        var answer = await ProgressAsync(Step(), Step(at: "1/8/2022"), Step(handler: "Lê Văn Cường"));

        answer["result"]!.AsArray().Select(r => r!["success"]!.GetValue<bool>()).ShouldBe([true, false, true]);
        Item(answer, 1)["problem"]!["errors"]!["ThoiDiemXuLy"].ShouldNotBeNull();
    }

    [Fact]
    public async Task the_service_name_must_match_the_route() =>
        ShouldHaveType(await ProblemOf(await PostPortalAsync(TienDo, new { service = "DongBoHoSoMC", data = new[] { Step() } }), HttpStatusCode.BadRequest),
            "validation");
}
