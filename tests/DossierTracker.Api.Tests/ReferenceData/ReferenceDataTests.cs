using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.ReferenceData;

public sealed class ReferenceDataTests(TrackerApp app) : ApiScenario(app)
{
    private Task<HttpResponseMessage> PutUnitsAsync(params object[] units) => SendAsync(HttpMethod.Put, "/api/units", units, AdminKey);

    [Fact]
    public async Task units_round_trip_ordered_by_level_with_validity_dates()
    {
        (await PutUnitsAsync(new { code = "000.13.00.H99", name = "Xã Mới", level = "commune", parentCode = TestProvince.Province, validFrom = "2025-07-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var units = (await (await GetAsync("/api/units")).Content.ReadFromJsonAsync<JsonArray>())!.Select(u => u!.AsObject()).ToList();

        units.First()["level"]!.GetValue<string>().ShouldBe("province");
        var commune = units.Single(u => u["code"]!.GetValue<string>() == "000.13.00.H99");
        commune["validFrom"]!.GetValue<string>().ShouldBe("2025-07-01");
        units.Count.ShouldBe(TestProvince.Units.Length + 1);
    }

    [Fact]
    public async Task a_unit_with_an_unknown_parent_is_400_and_nothing_is_stored()
    {
        var problem = await ProblemOf(await PutUnitsAsync(
            new { code = "X-1", name = "Xã A", level = "commune", parentCode = TestProvince.DistrictA },
            new { code = "X-2", name = "Xã B", level = "commune", parentCode = "NO-SUCH" }), HttpStatusCode.BadRequest);

        problem["errors"]!["units[X-2]"].ShouldNotBeNull();
        var units = (await (await GetAsync("/api/units")).Content.ReadFromJsonAsync<JsonArray>())!;
        units.ShouldNotContain(u => u!["code"]!.GetValue<string>() == "X-1");
    }

    [Fact]
    public async Task a_cycle_is_400()
    {
        var problem = await ProblemOf(await PutUnitsAsync(
            new { code = "C-A", name = "A", level = "district", parentCode = "C-B" },
            new { code = "C-B", name = "B", level = "district", parentCode = "C-A" }), HttpStatusCode.BadRequest);

        problem.ToJsonString().ShouldContain("cycle");
    }

    [Theory]
    [InlineData("commune", TestProvince.Justice)]   // a commune under a department
    [InlineData("district", TestProvince.DistrictA)] // a district under a district
    [InlineData("department", null)]                 // a department without a parent
    public async Task a_unit_under_the_wrong_kind_of_parent_is_400(string level, string? parent)
    {
        await ProblemOf(await PutUnitsAsync(new { code = "W-1", name = "W", level, parentCode = parent }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task an_unknown_level_is_400()
    {
        await ProblemOf(await PutUnitsAsync(new { code = "L-1", name = "L", level = "village", parentCode = TestProvince.Province }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task procedures_are_validated_and_round_trip()
    {
        var bad = await ProblemOf(await SendAsync(HttpMethod.Put, "/api/procedures",
            new[] { new { code = "P-1", name = "Thủ tục", processingTime = new { value = -1, unit = "working-days" } } }, AdminKey), HttpStatusCode.BadRequest);
        bad["errors"]!["[0]"].ShouldNotBeNull();

        var procedures = (await (await GetAsync("/api/procedures")).Content.ReadFromJsonAsync<JsonArray>())!;
        var land = procedures.Single(p => p!["code"]!.GetValue<string>() == TestProvince.LandTransfer)!;
        land["processingTime"]!["unit"]!.GetValue<string>().ShouldBe("calendar-days");
        land["processingTime"]!["value"]!.GetValue<int>().ShouldBe(15);
    }

    [Fact]
    public async Task the_shipped_official_table_is_served_for_2026()
    {
        var year = (await (await GetAsync("/api/calendar/2026")).Content.ReadFromJsonAsync<JsonObject>())!;

        year["source"]!.GetValue<string>().ShouldBe("official-table");
        year["holidays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain("2026-02-17");
        year["workingDays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(new[] { "2026-01-10", "2026-08-22" });
    }

    [Fact]
    public async Task years_without_a_table_are_computed_from_the_lunar_calendar()
    {
        var year = (await (await GetAsync("/api/calendar/2027")).Content.ReadFromJsonAsync<JsonObject>())!;

        year["source"]!.GetValue<string>().ShouldBe("computed");
        year["holidays"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldContain("2027-02-06");   // Tết Đinh Mùi
    }

    [Fact]
    public async Task an_operator_correction_is_recorded_with_who_and_applies_to_new_due_times()
    {
        // Make Friday 2026-03-06 a day off: a dossier received Thursday 16:00 with 8 working hours is then due Monday 16:00.
        var official = (await (await GetAsync("/api/calendar/2026")).Content.ReadFromJsonAsync<JsonObject>())!;
        var holidays = official["holidays"]!.AsArray().Select(d => d!.GetValue<string>()).Append("2026-03-06").ToArray();

        var response = await SendAsync(HttpMethod.Put, "/api/calendar/2026", new { holidays, workingDays = new[] { "2026-01-10", "2026-08-22" } }, AdminKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var year = (await (await GetAsync("/api/calendar/2026")).Content.ReadFromJsonAsync<JsonObject>())!;
        year["source"]!.GetValue<string>().ShouldBe("operator");
        year["changedBy"]!.GetValue<string>().ShouldStartWith("test admin");

        await PostOkAsync(Received("CAL-1", "2026-03-05T16:00:00+07:00", procedureCode: TestProvince.Certification));
        (await GetDossierAsync("CAL-1"))["dueAt"]!.GetValue<string>().ShouldBe("2026-03-09T16:00:00+07:00");
    }

    [Theory]
    [InlineData("{\"holidays\":[\"2025-12-31\"],\"workingDays\":[]}")]   // outside the year
    [InlineData("{\"holidays\":[],\"workingDays\":[\"2026-03-11\"]}")]   // a Wednesday is already a working day
    [InlineData("{\"holidays\":[\"2026-03-14\"],\"workingDays\":[\"2026-03-14\"]}")]
    [InlineData("{\"holidays\":[\"14/03/2026\"]}")]
    public async Task invalid_calendar_corrections_are_400(string body)
    {
        await ProblemOf(await SendRawAsync(HttpMethod.Put, "/api/calendar/2026", body, AdminKey), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_calendar_year_out_of_range_is_400()
    {
        await ProblemOf(await GetAsync("/api/calendar/1800"), HttpStatusCode.BadRequest);
    }
}
