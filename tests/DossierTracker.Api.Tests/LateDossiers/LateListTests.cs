using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

public sealed class LateListTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00).
    private async Task PostDossiersAsync()
    {
        await PostOkAsync(Received("OPEN-OLD", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-05T09:00:00+07:00"));
        await PostOkAsync(Received("OPEN-NEW", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-09T09:00:00+07:00", unitCode: TestProvince.CommuneA1, channel: "direct"));
        await PostOkAsync(Received("PAUSED", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-05T09:00:00+07:00"));
        await PostOkAsync(Event("paused", "PAUSED", "2026-02-03T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Received("NOT-DUE", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-12T09:00:00+07:00"));
        await PostOkAsync(Received("DONE-LATE", "2026-01-05T09:00:00+07:00", dueAt: "2026-01-08T09:00:00+07:00", procedureCode: TestProvince.LandTransfer));
        await PostOkAsync(Event("resolved", "DONE-LATE", "2026-01-12T09:00:00+07:00"));
        await PostOkAsync(Received("DONE-EARLY", "2026-01-05T09:00:00+07:00", dueAt: "2026-01-08T09:00:00+07:00"));
        await PostOkAsync(Event("resolved", "DONE-EARLY", "2026-01-06T09:00:00+07:00"));
        await PostOkAsync(Received("OTHER-DISTRICT", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-04T09:00:00+07:00", unitCode: TestProvince.CommuneB1));
    }

    private async Task<JsonObject> ListAsync(string query, string? key = null)
    {
        var response = await GetAsync($"/api/dossiers/late?{query}", key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Codes(JsonObject page) => page["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task open_list_has_overdue_running_dossiers_most_overdue_first()
    {
        await PostDossiersAsync();

        var page = await ListAsync("");

        Codes(page).ShouldBe(new[] { "OTHER-DISTRICT", "OPEN-OLD", "OPEN-NEW" });
        page["total"]!.GetValue<int>().ShouldBe(3);
        page["page"]!.GetValue<int>().ShouldBe(1);
        page["pageSize"]!.GetValue<int>().ShouldBe(50);
    }

    [Fact]
    public async Task items_carry_names_due_time_and_overdue_working_hours()
    {
        await PostDossiersAsync();

        var item = (await ListAsync($"unit={TestProvince.DistrictA}"))["items"]!.AsArray().Single()!.AsObject();

        item["dossierCode"]!.GetValue<string>().ShouldBe("OPEN-NEW");
        item["unitName"]!.GetValue<string>().ShouldBe("Xã Bắc Phong");
        item["dueAt"]!.GetValue<string>().ShouldBe("2026-03-09T09:00:00+07:00");
        item["overdueWorkingHours"]!.GetValue<double>().ShouldBe(9);   // Monday 09:00→17:00 less lunch (6 h), Tuesday 07:00→10:00 (3 h)
        item["apologyIssued"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task completed_state_lists_dossiers_completed_late_in_the_date_range()
    {
        await PostDossiersAsync();

        Codes(await ListAsync("state=completed")).ShouldBe(new[] { "DONE-LATE" });
        Codes(await ListAsync("state=completed&from=2026-01-13&to=2026-01-31")).ShouldBeEmpty();
        var item = (await ListAsync("state=completed&from=2026-01-12&to=2026-01-12"))["items"]!.AsArray().Single()!;
        item["completedAt"]!.GetValue<string>().ShouldBe("2026-01-12T09:00:00+07:00");
    }

    [Fact]
    public async Task all_state_joins_open_and_completed_late()
    {
        await PostDossiersAsync();

        Codes(await ListAsync("state=all&sort=dueAt")).ShouldBe(new[] { "DONE-LATE", "OTHER-DISTRICT", "OPEN-OLD", "OPEN-NEW" });
    }

    [Fact]
    public async Task filters_by_procedure_channel_and_received_dates()
    {
        await PostDossiersAsync();

        Codes(await ListAsync("channel=direct")).ShouldBe(new[] { "OPEN-NEW" });
        Codes(await ListAsync($"state=all&procedure={TestProvince.LandTransfer}")).ShouldBe(new[] { "DONE-LATE" });
        Codes(await ListAsync("from=2026-03-01&to=2026-03-31")).ShouldBe(new[] { "OPEN-NEW" });
    }

    [Fact]
    public async Task sorts_by_received_at_and_pages()
    {
        await PostDossiersAsync();

        var first = await ListAsync("sort=receivedAt&pageSize=2");
        var second = await ListAsync("sort=receivedAt&pageSize=2&page=2");

        Codes(first).ShouldBe(new[] { "OPEN-OLD", "OTHER-DISTRICT" });
        Codes(second).ShouldBe(new[] { "OPEN-NEW" });
        second["total"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task a_district_supervisor_never_sees_another_districts_dossiers_not_even_in_totals()
    {
        await PostDossiersAsync();
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictA);

        var page = await ListAsync("state=all", districtKey);

        Codes(page).ShouldBe(new[] { "OPEN-NEW" });
        page["total"]!.GetValue<int>().ShouldBe(1);
        await ProblemOf(await GetAsync($"/api/dossiers/late?unit={TestProvince.DistrictB}", districtKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task open_at_a_past_instant_uses_the_state_at_that_instant()
    {
        await PostDossiersAsync();

        // On 2026-02-04 12:00 OTHER-DISTRICT was due (04/02 09:00) and PAUSED was running (paused 03/02); OPEN-OLD not yet due.
        Codes(await ListAsync("at=2026-02-04T12:00:00%2B07:00")).ShouldBe(new[] { "OTHER-DISTRICT" });
    }

    [Fact]
    public async Task csv_has_a_bom_the_total_header_and_vietnamese_names()
    {
        await PostDossiersAsync();

        var response = await GetAsync($"/api/dossiers/late?format=csv&pageSize=2&unit={TestProvince.Province}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("dossierCode,unitCode,unitName");
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain("Xã Tú Lý");
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    [InlineData("page=0")]
    [InlineData("state=late")]
    [InlineData("sort=name")]
    [InlineData("from=2026-13-01")]
    [InlineData("from=2026-03-10&to=2026-03-01")]
    [InlineData("format=xml")]
    [InlineData("channel=fax")]
    [InlineData("at=2026-03-10T10:00:00")]
    public async Task bad_list_queries_are_400(string query)
    {
        var problem = await ProblemOf(await GetAsync($"/api/dossiers/late?{query}"), HttpStatusCode.BadRequest);
        problem["errors"].ShouldNotBeNull();
    }

    [Fact]
    public async Task unknown_unit_is_422()
    {
        var problem = await ProblemOf(await GetAsync("/api/dossiers/late?unit=NOPE"), HttpStatusCode.UnprocessableEntity);
        ShouldHaveType(problem, "unknown-unit");
    }
}
