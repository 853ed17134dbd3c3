using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>
/// DongBoHoSoMC as real senders write it: the processing body's name in DonViXuLy, no KenhThucHien, fields and values
/// the tracker does not know. Each item is judged alone; what the tracker cannot use of an optional field is a warning.
/// </summary>
public sealed class RealFeedTests(TrackerApp app) : PortalScenario(app)
{
    private const string Code = "000.11.01.H99-220801-0001";

    private static Dictionary<string, object?> WithoutChannel(Dictionary<string, object?> snapshot)
    {
        snapshot.Remove("KenhThucHien");
        return snapshot;
    }

    [Fact]
    public async Task a_unit_written_by_name_receives_the_dossier()
    {
        var item = await SyncOkAsync(Snapshot("HS-2022-000001", 2, unit: "  xã bắc   phong "));

        (item["unitCode"]!.GetValue<string>(), item["unitFrom"]!.GetValue<string>()).ShouldBe((TestProvince.CommuneA1, "DonViXuLy-name"));
        (await GetDossierAsync("HS-2022-000001"))["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.CommuneA1);
    }

    [Fact]
    public async Task a_name_that_is_no_units_falls_back_to_the_dossier_codes_prefix_with_a_warning()
    {
        var item = await SyncOkAsync(Snapshot(Code, 2, unit: "UBND xã Bắc Phong"));

        (item["unitCode"]!.GetValue<string>(), item["unitFrom"]!.GetValue<string>()).ShouldBe((TestProvince.CommuneA1, "MaHoSo"));
        item["warnings"]!["DonViXuLy"]![0]!.GetValue<string>().ShouldContain("UBND xã Bắc Phong");
    }

    [Fact]
    public async Task a_missing_channel_is_direct()
    {
        await SyncOkAsync(WithoutChannel(Snapshot(Code, 2)));

        (await GetDossierAsync(Code))["channel"]!.GetValue<string>().ShouldBe("direct");
    }

    [Fact]
    public async Task an_unknown_optional_field_does_not_refuse_the_snapshot()
    {
        var odd = Snapshot(Code, 2, channel: "7");
        odd["ThongTinBoSungCuaTinh"] = new { MaDinhDanh = "x", DanhSach = new[] { 1, 2 } };
        var answer = await AnswerAsync(DongBo, new { isUpdating = "1", service = "DongBoHoSoMC", data = new object[] { odd, Snapshot("000.11.01.H99-220801-0002", 2) } });

        (answer["error_code"]!.GetValue<string>(), Item(answer, 0)["warnings"]!.AsObject().Select(w => w.Key).Single()).ShouldBe(("0", "KenhThucHien"));
        (await GetDossierAsync(Code))["channel"]!.GetValue<string>().ShouldBe("direct");
    }

    [Fact]
    public async Task madonvi_receives_a_dossier_nothing_else_names()
    {
        var answer = await AnswerAsync(DongBo, new { madonvi = TestProvince.DistrictA, service = "DongBoHoSoMC", data = new object[] { Snapshot("HS-2022-000002", 2, unit: "") } });

        (Item(answer, 0)["unitCode"]!.GetValue<string>(), Item(answer, 0)["unitFrom"]!.GetValue<string>()).ShouldBe((TestProvince.DistrictA, "madonvi"));
    }

    [Fact]
    public async Task a_name_resolved_outside_the_keys_scope_is_refused_as_out_of_scope()
    {
        var districtKey = await App.CreateKeyAsync("ingest", TestProvince.DistrictA, "Một cửa huyện Cao Phong");

        var item = Item(await AnswerAsync(DongBo, Envelope("DongBoHoSoMC", Snapshot("HS-2022-000003", 2, unit: "Xã Tú Lý")), districtKey), 0);

        item["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/out-of-scope-unit");
    }

    [Fact]
    public async Task a_known_dossier_ignores_DonViXuLy()
    {
        await SyncOkAsync(Snapshot(Code, 2));

        var item = await SyncOkAsync(Snapshot(Code, 4, unit: "Một tên không có trong cây"));

        (item["unitCode"], item["warnings"], EventStatuses(item).Single()).ShouldBe((null, null, "processing:created"));
    }

    [Fact]
    public async Task a_retried_named_snapshot_stores_nothing_twice()
    {
        var snapshot = WithoutChannel(Snapshot("HS-2022-000004", 9, finishedAt: "20220803100000", unit: "Sở Tư pháp"));
        await SyncOkAsync(snapshot);

        var again = await SyncOkAsync(snapshot);

        (again["events"]!.AsArray().Count, (await TimelineAsync("HS-2022-000004")).Count).ShouldBe((0, 2));
    }
}
