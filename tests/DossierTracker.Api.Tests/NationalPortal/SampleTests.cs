using System.Net;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>
/// The sample payloads of NationalPortal/Samples are accepted as documented by the tracker loaded with the demo province:
/// units written by code (the batch), and by name with no channel, as real senders write them (the names sample).
/// </summary>
public sealed class SampleTests(TrackerApp app) : PortalScenario(app)
{
    private const string HoaBinh = "000.00.00.H33";

    private static string Text(string relativePath) => File.ReadAllText(Repository.Path(relativePath));

    private async Task<string> LoadDemoProvinceAsync()
    {
        // An admin changes units of its own scope only: the demo tree is loaded by an admin of Phú Thọ, whose scope
        // takes in Hòa Bình (merged into it on 1 July 2025).
        var phuThoAdmin = await App.CreateKeyAsync(Roles.Admin, "000.00.00.H43", "quản trị tỉnh Phú Thọ");
        (await SendRawAsync(HttpMethod.Put, "/api/units", Text("ops/demo/units-hoa-binh.json"), phuThoAdmin)).EnsureSuccessStatusCode();
        (await SendRawAsync(HttpMethod.Put, "/api/procedures", Text("ops/demo/procedures.json"), AdminKey)).EnsureSuccessStatusCode();
        return await App.CreateKeyAsync(Roles.Ingest, HoaBinh, "Hệ thống một cửa điện tử tỉnh Hòa Bình");
    }

    private async Task<string> PostSampleAsync(string name, string key)
    {
        var url = name.Contains("capnhattiendo", StringComparison.Ordinal) ? TienDo : DongBo;
        var response = await SendRawAsync(HttpMethod.Post, url, Text($"tests/DossierTracker.Api.Tests/NationalPortal/Samples/{name}"), key);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Theory]
    [InlineData("dvcqg-dongbohosomc-received.json")]
    [InlineData("dvcqg-dongbohosomc-supplement.json")]
    [InlineData("dvcqg-dongbohosomc-supplement-received.json")]
    [InlineData("dvcqg-dongbohosomc-batch.json")]
    [InlineData("dvcqg-capnhattiendohosomc.json")]
    [InlineData("dvcqg-dongbohosomc-names.json")]
    public async Task each_sample_is_accepted_after_the_ones_before_it(string name)
    {
        var key = await LoadDemoProvinceAsync();
        string[] order =
        [
            "dvcqg-dongbohosomc-received.json", "dvcqg-dongbohosomc-supplement.json", "dvcqg-dongbohosomc-supplement-received.json",
            "dvcqg-dongbohosomc-batch.json", "dvcqg-capnhattiendohosomc.json", "dvcqg-dongbohosomc-names.json",
        ];
        foreach (var before in order.TakeWhile(n => n != name)) await PostSampleAsync(before, key);

        var answer = System.Text.Json.Nodes.JsonNode.Parse(await PostSampleAsync(name, key))!;

        answer["error_code"]!.GetValue<string>().ShouldBe("0", answer.ToJsonString());
    }

    [Fact]
    public async Task the_supplement_samples_move_the_land_dossier_due_time()
    {
        var key = await LoadDemoProvinceAsync();
        await PostSampleAsync("dvcqg-dongbohosomc-supplement.json", key);
        await PostSampleAsync("dvcqg-dongbohosomc-supplement-received.json", key);
        var supervisor = await App.CreateKeyAsync(Roles.Supervisor, HoaBinh, "Sở Nội vụ");

        var dossier = await GetDossierAsync("000.00.31.H33-240311-0007", supervisor);

        (dossier["originalDueAt"]!.GetValue<string>(), dossier["dueAt"]!.GetValue<string>())
            .ShouldBe(("2024-03-25T14:05:00+07:00", "2024-04-03T08:45:00+07:00"));
    }

    private const string NamesSample = "dvcqg-dongbohosomc-names.json";
    private static readonly string[] NamesSampleCodes = ["000.00.35.H33-240402-0011", "000.04.35.H33-240403-0002", "000.04.35.H33-240404-0005", "LS-2024-000317"];

    [Fact]
    public async Task the_names_sample_is_answered_as_its_answer_sample()
    {
        var key = await LoadDemoProvinceAsync();

        var answer = JsonNode.Parse(await PostSampleAsync(NamesSample, key));

        JsonNode.DeepEquals(answer, JsonNode.Parse(Text("tests/DossierTracker.Api.Tests/NationalPortal/Samples/dvcqg-answer-dongbohosomc-names.json")))
            .ShouldBeTrue(answer!.ToJsonString());
    }

    [Fact]
    public async Task names_instead_of_codes_attribute_each_dossier_to_its_unit()
    {
        var key = await LoadDemoProvinceAsync();
        await PostSampleAsync(NamesSample, key);
        var supervisor = await App.CreateKeyAsync(Roles.Supervisor, HoaBinh, "Sở Nội vụ");

        var units = new List<string>();
        foreach (var code in NamesSampleCodes) units.Add((await GetDossierAsync(code, supervisor))["unitCode"]!.GetValue<string>());

        units.ShouldBe(["000.00.35.H33", "000.04.35.H33", "000.04.35.H33", "000.00.35.H33"]);
    }

    [Fact]
    public async Task a_missing_channel_counts_as_direct_in_the_report()
    {
        var key = await LoadDemoProvinceAsync();
        await PostSampleAsync(NamesSample, key);
        var supervisor = await App.CreateKeyAsync(Roles.Supervisor, HoaBinh, "Sở Nội vụ");

        var response = await GetAsync("/api/reports/monthly?month=2024-04&unit=000.00.35.H33", supervisor);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var total = JsonNode.Parse(text)!["rows"]!.AsArray().Single(r => r!["kind"]!.GetValue<string>() == "total")!;

        (total["received"]!.GetValue<int>(), total["receivedDirect"]!.GetValue<int>(), total["receivedOnline"]!.GetValue<int>()).ShouldBe((4, 4, 0));
    }

    [Fact]
    public async Task an_unresolvable_unit_refuses_that_item_alone_and_says_why()
    {
        var key = await LoadDemoProvinceAsync();
        var body = JsonNode.Parse(Text($"tests/DossierTracker.Api.Tests/NationalPortal/Samples/{NamesSample}"))!.AsObject();
        body.Remove("madonvi");

        var response = await SendRawAsync(HttpMethod.Post, DongBo, body.ToJsonString(), key);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        answer["result"]!.AsArray().Select(r => r!["success"]!.GetValue<bool>()).ShouldBe([true, true, true, false]);
        Item(answer, 3)["problem"]!["detail"]!.GetValue<string>().ShouldBe("The receiving unit could not be determined: DonViXuLy is absent; " +
            "MaHoSo has no unit prefix ({unit}-{yyMMdd}-{sequence}); madonvi is absent.");
        var supervisor = await App.CreateKeyAsync(Roles.Supervisor, HoaBinh, "Sở Nội vụ");
        (await DossierStatusCodeAsync(NamesSampleCodes[0], supervisor), await DossierStatusCodeAsync(NamesSampleCodes[3], supervisor))
            .ShouldBe((HttpStatusCode.OK, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task concurrent_retries_of_the_names_sample_store_each_event_once()
    {
        var key = await LoadDemoProvinceAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostSampleAsync(NamesSample, key)));
        await PostSampleAsync(NamesSample, key);

        var supervisor = await App.CreateKeyAsync(Roles.Supervisor, HoaBinh, "Sở Nội vụ");
        var stored = new List<int>();
        // The tracker's own late events (the open ones are long overdue) are not the portal's.
        foreach (var code in NamesSampleCodes)
            stored.Add((await GetDossierAsync(code, supervisor))["timeline"]!.AsArray().Count(e => e!["source"]!.GetValue<string>() == "dvcqg"));
        stored.ShouldBe([2, 3, 1, 2]);
    }
}
