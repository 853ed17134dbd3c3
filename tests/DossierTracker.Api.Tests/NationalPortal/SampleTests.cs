using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>The sample payloads of NationalPortal/Samples are accepted as documented by the tracker loaded with the demo province.</summary>
public sealed class SampleTests(TrackerApp app) : PortalScenario(app)
{
    private const string HoaBinh = "000.00.00.H33";

    private static string Text(string relativePath) => File.ReadAllText(Repository.Path(relativePath));

    private async Task<string> LoadDemoProvinceAsync()
    {
        (await SendRawAsync(HttpMethod.Put, "/api/units", Text("ops/demo/units-hoa-binh.json"), AdminKey)).EnsureSuccessStatusCode();
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
    public async Task each_sample_is_accepted_after_the_ones_before_it(string name)
    {
        var key = await LoadDemoProvinceAsync();
        string[] order =
        [
            "dvcqg-dongbohosomc-received.json", "dvcqg-dongbohosomc-supplement.json", "dvcqg-dongbohosomc-supplement-received.json",
            "dvcqg-dongbohosomc-batch.json", "dvcqg-capnhattiendohosomc.json",
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
}
