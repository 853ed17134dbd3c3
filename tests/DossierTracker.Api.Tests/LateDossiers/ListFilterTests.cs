using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

/// <summary>The field filter and the dossier-code search of the late and due-soon lists (issue 19, lists for people).</summary>
public sealed class ListFilterTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00): all three are open and overdue.
    private async Task PostDossiersAsync()
    {
        (await SendAsync(HttpMethod.Put, "/api/procedures", new object[]
        {
            new { code = TestProvince.BirthRegistration, name = "Đăng ký khai sinh", processingTime = new { value = 3, unit = "working-days" },
                field = new { code = "G15-TP07", name = "Hộ tịch" } },
            new { code = TestProvince.Certification, name = "Chứng thực bản sao từ bản chính", processingTime = new { value = 8, unit = "working-hours" },
                field = new { code = "G15-TP03", name = "Chứng thực" } },
        }, AdminKey)).EnsureSuccessStatusCode();
        await PostOkAsync(Received("HT-260302-0001", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-05T09:00:00+07:00"));
        await PostOkAsync(Received("CT-260302-0002", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-05T09:00:00+07:00", procedureCode: TestProvince.Certification));
        await PostOkAsync(Received("DD-260302-0003", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-05T09:00:00+07:00", procedureCode: TestProvince.LandTransfer));
    }

    private async Task<List<string>> CodesAsync(string path)
    {
        var response = await GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var codes = page["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        page["total"]!.GetValue<int>().ShouldBe(codes.Count);
        return codes;
    }

    [Fact]
    public async Task the_field_filter_keeps_the_dossiers_of_that_field_s_procedures()
    {
        await PostDossiersAsync();

        (await CodesAsync("/api/dossiers/late?field=G15-TP03")).ShouldBe(["CT-260302-0002"]);
    }

    [Fact]
    public async Task field_none_keeps_the_dossiers_of_procedures_without_a_field()
    {
        await PostDossiersAsync();

        (await CodesAsync("/api/dossiers/late?field=none")).ShouldBe(["DD-260302-0003"]);
    }

    [Fact]
    public async Task a_field_and_a_procedure_of_another_field_select_nothing()
    {
        await PostDossiersAsync();

        (await CodesAsync($"/api/dossiers/late?field=G15-TP03&procedure={TestProvince.BirthRegistration}")).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_dossier_code_search_finds_codes_containing_the_text_whatever_its_case()
    {
        await PostDossiersAsync();

        (await CodesAsync("/api/dossiers/late?dossierCode=ct-2603")).ShouldBe(["CT-260302-0002"]);
        (await CodesAsync("/api/dossiers/late?dossierCode=260302")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task the_due_soon_list_takes_the_same_filters()
    {
        await PostDossiersAsync();
        await PostOkAsync(Received("CT-260310-0004", "2026-03-10T08:00:00+07:00", dueAt: "2026-03-10T15:00:00+07:00", procedureCode: TestProvince.Certification));
        await PostOkAsync(Received("HT-260310-0005", "2026-03-10T08:00:00+07:00", dueAt: "2026-03-10T15:00:00+07:00"));

        (await CodesAsync("/api/dossiers/due-soon?field=G15-TP03&dossierCode=0004")).ShouldBe(["CT-260310-0004"]);
    }

    [Fact]
    public async Task an_over_long_search_is_a_problem_naming_the_parameter()
    {
        var problem = await ProblemOf(await GetAsync($"/api/dossiers/late?dossierCode={new string('A', 101)}"), HttpStatusCode.BadRequest);

        problem["errors"]!["dossierCode"].ShouldNotBeNull();
    }
}
