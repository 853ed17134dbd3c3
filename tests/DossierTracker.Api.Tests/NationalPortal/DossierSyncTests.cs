using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>DongBoHoSoMC: realistic snapshot sequences replayed as a one-stop system sends them to the portal.</summary>
public sealed class DossierSyncTests(TrackerApp app) : PortalScenario(app)
{
    private const string Code = "000.00.01.H99-220801-0001";
    private static readonly object[] OpenRound = [Round("20220802140000")];
    private static readonly object[] ClosedRound = [Round("20220802140000", "20220805080000", newDueAt: "20220810080000")];

    private static readonly object[] Life =
    [
        Snapshot(Code, 2),
        Snapshot(Code, 4),
        Snapshot(Code, 5, supplements: OpenRound),
        Snapshot(Code, 4, supplements: ClosedRound),
        Snapshot(Code, 9, finishedAt: "20220809100000", supplements: ClosedRound),
        Snapshot(Code, 10, finishedAt: "20220809100000", returnedAt: "20220809150000", supplements: ClosedRound),
    ];

    [Fact]
    public async Task a_life_replayed_snapshot_by_snapshot_builds_the_timeline()
    {
        foreach (var snapshot in Life) await SyncOkAsync(snapshot);

        (await TimelineAsync(Code)).ShouldBe(
        [
            "received@2022-08-01T09:15:00+07:00", "processing@2022-08-01T09:15:00+07:00", "paused@2022-08-02T14:00:00+07:00",
            "resumed@2022-08-05T08:00:00+07:00", "resolved@2022-08-09T10:00:00+07:00", "returned@2022-08-09T15:00:00+07:00",
        ]);
    }

    [Fact]
    public async Task the_supplement_moves_the_due_time_to_NgayHenTraMoi()
    {
        foreach (var snapshot in Life) await SyncOkAsync(snapshot);

        var dossier = await GetDossierAsync(Code);

        (dossier["status"]!.GetValue<string>(), dossier["originalDueAt"]!.GetValue<string>(), dossier["dueAt"]!.GetValue<string>(), dossier["result"]!.GetValue<string>())
            .ShouldBe(("returned", "2022-08-04T09:15:00+07:00", "2022-08-10T08:00:00+07:00", "early"));
    }

    [Fact]
    public async Task every_event_is_marked_as_coming_from_the_portal_with_its_derived_id()
    {
        await SyncOkAsync(Snapshot(Code, 2));

        var entry = (await GetDossierAsync(Code))["timeline"]!.AsArray().Single()!;

        (entry["source"]!.GetValue<string>(), entry["eventId"]!.GetValue<string>()).ShouldBe(("dvcqg", $"dvcqg:{Code}:received:20220801091500"));
    }

    [Fact]
    public async Task each_step_answers_with_only_its_new_events()
    {
        var answers = new List<List<string>>();
        foreach (var snapshot in Life) answers.Add(EventStatuses(await SyncOkAsync(snapshot)));

        answers.ShouldBe(
        [
            ["received:created"], ["processing:created"], ["paused:created"], ["resumed:created"], ["resolved:created"], ["returned:created"],
        ]);
    }

    [Fact]
    public async Task repeating_every_snapshot_appends_nothing()
    {
        foreach (var snapshot in Life) await SyncOkAsync(snapshot);
        var version = (await GetDossierAsync(Code))["version"]!.GetValue<int>();

        var repeats = new List<int>();
        foreach (var snapshot in Life) repeats.Add((await SyncOkAsync(snapshot))["events"]!.AsArray().Count);

        repeats.ShouldAllBe(count => count == 0);
        (await GetDossierAsync(Code))["version"]!.GetValue<int>().ShouldBe(version);
    }

    [Fact]
    public async Task concurrent_retries_of_one_snapshot_store_it_once()
    {
        var snapshot = Snapshot(Code, 10, finishedAt: "20220803160000", returnedAt: "20220804083000");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SyncAsync(snapshot)));

        answers.ShouldAllBe(a => a["error_code"]!.GetValue<string>() == "0");
        (await TimelineAsync(Code)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_jump_from_2_to_10_fills_in_the_missing_events_in_order()
    {
        var item = await SyncOkAsync(Snapshot(Code, 10, finishedAt: "20220803160000", returnedAt: "20220804083000"));

        EventStatuses(item).ShouldBe(["received:created", "resolved:created", "returned:created"]);
        (await TimelineAsync(Code)).ShouldBe(
            ["received@2022-08-01T09:15:00+07:00", "resolved@2022-08-03T16:00:00+07:00", "returned@2022-08-04T08:30:00+07:00"]);
    }

    [Fact]
    public async Task a_withdrawn_dossier_is_closed_at_NgayKetThucXuLy()
    {
        await SyncOkAsync(Snapshot(Code, 2));
        await SyncOkAsync(Snapshot(Code, 7, finishedAt: "20220802100000"));

        var dossier = await GetDossierAsync(Code);

        (dossier["status"]!.GetValue<string>(), dossier["closedAt"]!.GetValue<string>()).ShouldBe(("withdrawn", "2022-08-02T10:00:00+07:00"));
        dossier["completedAt"].ShouldBeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task statuses_1_and_3_are_answered_but_not_counted(int status)
    {
        var item = await SyncOkAsync(Snapshot(Code, status, receivedAt: ""));

        item["events"]!.AsArray().ShouldBeEmpty();
        item["message"]!.GetValue<string>().ShouldContain("không được thống kê");
        (await DossierStatusCodeAsync(Code)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_open_status_after_the_close_is_answered_as_a_late_snapshot()
    {
        await SyncOkAsync(Snapshot(Code, 9, finishedAt: "20220803160000"));

        var item = await SyncOkAsync(Snapshot(Code, 4));

        (item["events"]!.AsArray().Count, (await GetDossierAsync(Code))["status"]!.GetValue<string>()).ShouldBe((0, "resolved"));
    }

    [Fact]
    public async Task a_contradicting_close_is_refused_as_dossier_closed()
    {
        await SyncOkAsync(Snapshot(Code, 9, finishedAt: "20220803160000"));

        var answer = await SyncAsync(Snapshot(Code, 7, finishedAt: "20220804100000"));

        answer["error_code"]!.GetValue<string>().ShouldBe("-1");
        Item(answer, 0)["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/dossier-closed");
    }

    [Fact]
    public async Task an_unknown_unit_rejects_the_dossier_with_its_problem()
    {
        // No unit prefix in the code and no madonvi: nothing else names the unit.
        const string code = "HS-2022-000001";
        var answer = await SyncAsync(Snapshot(code, 2, unit: "Sở Tư pháp tỉnh Thử Nghiệm"));

        var item = Item(answer, 0);
        (answer["error_code"]!.GetValue<string>(), item["success"]!.GetValue<bool>(), item["MaHoSo"]!.GetValue<string>()).ShouldBe(("-1", false, code));
        item["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/unknown-unit");
        item["problem"]!["status"]!.GetValue<int>().ShouldBe(422);
    }

    [Fact]
    public async Task a_dossier_applies_whole_or_not_at_all()
    {
        var item = Item(await SyncAsync(Snapshot(Code, 10, finishedAt: "20220803160000", returnedAt: "20270101090000")), 0);

        EventStatuses(item).ShouldBe(["received:skipped", "resolved:skipped", "returned:rejected"]);
        item["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/future-event");
        (await DossierStatusCodeAsync(Code)).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_unit_outside_the_keys_scope_is_refused()
    {
        var districtKey = await App.CreateKeyAsync("ingest", TestProvince.DistrictA, "Một cửa huyện Cao Phong");

        var item = Item(await AnswerAsync(DongBo, Envelope("DongBoHoSoMC", Snapshot(Code, 2)), districtKey), 0);

        item["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/out-of-scope-unit");
    }

    [Fact]
    public async Task values_sent_as_numbers_are_read_alike()
    {
        var snapshot = Snapshot(Code, 2);
        snapshot["TrangThaiHoSo"] = 2;
        snapshot["KenhThucHien"] = 1;
        snapshot["NgayHenTra"] = 20220804091500L;

        await SyncOkAsync(snapshot);

        var dossier = await GetDossierAsync(Code);
        (dossier["channel"]!.GetValue<string>(), dossier["dueAt"]!.GetValue<string>()).ShouldBe(("direct", "2022-08-04T09:15:00+07:00"));
    }

    [Fact]
    public async Task a_mixed_batch_answers_each_item_on_its_own()
    {
        var badDate = Snapshot("000.00.01.H99-220801-0002", 2, receivedAt: "01/08/2022 09:15");
        var answer = await SyncAsync(
            Snapshot(Code, 2),
            badDate,
            Snapshot("000.00.01.H99-220801-0003", 2, procedure: "9.999999"),
            Snapshot("000.00.01.H99-220801-0004", 1, receivedAt: ""),
            "not a dossier",
            Snapshot("000.00.01.H99-220801-0005", 10, finishedAt: "20220803160000", returnedAt: "20220804083000"));

        answer["error_code"]!.GetValue<string>().ShouldBe("-1");
        answer["result"]!.AsArray().Select(r => r!["success"]!.GetValue<bool>()).ShouldBe([true, false, false, true, false, true]);
        Item(answer, 1)["problem"]!["errors"]!["NgayTiepNhan"].ShouldNotBeNull();
        Item(answer, 2)["problem"]!["type"]!.GetValue<string>().ShouldEndWith("/problems/unknown-procedure");
        Item(answer, 4)["MaHoSo"].ShouldBeNull();
    }

    [Fact]
    public async Task a_mixed_batch_stores_only_the_accepted_dossiers()
    {
        await SyncAsync(Snapshot(Code, 2), Snapshot("000.00.01.H99-220801-0003", 2, procedure: "9.999999"));

        ((await DossierStatusCodeAsync(Code)), (await DossierStatusCodeAsync("000.00.01.H99-220801-0003")))
            .ShouldBe((HttpStatusCode.OK, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task two_snapshots_of_one_dossier_in_one_request_apply_in_order()
    {
        var answer = await SyncAsync(Snapshot(Code, 2), Snapshot(Code, 4), Snapshot(Code, 2));

        answer["result"]!.AsArray().Select(r => r!["events"]!.AsArray().Count).ShouldBe([1, 1, 0]);
        (await GetDossierAsync(Code))["status"]!.GetValue<string>().ShouldBe("processing");
    }

    [Theory]
    [InlineData(2), InlineData(4), InlineData(9)]
    public async Task a_snapshot_of_a_dossier_outside_the_keys_scope_is_answered_as_for_an_unknown_dossier(int status)
    {
        await SyncOkAsync(Snapshot(Code, 4, unit: TestProvince.CommuneB1));
        var districtKey = await App.CreateKeyAsync("ingest", TestProvince.DistrictA, "Một cửa huyện Cao Phong");
        const string Unknown = "000.00.01.H99-220801-0002";
        Dictionary<string, object?> Of(string code) =>
            Snapshot(code, status, unit: TestProvince.CommuneB1, finishedAt: status == 9 ? "20220803160000" : "");

        var outside = Item(await AnswerAsync(DongBo, Envelope("DongBoHoSoMC", Of(Code)), districtKey), 0);
        var unknown = Item(await AnswerAsync(DongBo, Envelope("DongBoHoSoMC", Of(Unknown)), districtKey), 0);

        outside.ToJsonString().Replace(Code, Unknown, StringComparison.Ordinal).ShouldBe(unknown.ToJsonString());
        (await TimelineAsync(Code)).Count.ShouldBe(2);
    }
}
