using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports.Drilldown;

/// <summary>
/// The dossiers behind each cell of July 2022 over a small province built through the API; each dossier exercises one
/// rule of form 06 or Decision 766, and the expected lists are worked out by hand in the comments.
/// </summary>
public sealed class DrilldownScenarioTests(TrackerApp app) : ApiScenario(app)
{
    private const string July = "period=2022-07";

    private async Task PostStoryAsync()
    {
        // Sở Tư pháp (department)
        await Story("J1", TestProvince.Justice, "online", "2022-06-20T09:00:00+07:00", "2022-06-23T09:00:00+07:00",
            ("resolved", "2022-07-05T10:00:00+07:00"));                                        // carried over; resolved late
        await Story("J2", TestProvince.Justice, "direct", "2022-07-04T09:00:00+07:00", "2022-07-07T09:00:00+07:00",
            ("resolved", "2022-07-07T16:00:00+07:00"));                                        // on time by date, late by 766
        await Story("J3", TestProvince.Justice, "online", "2022-07-11T09:00:00+07:00", "2022-07-14T09:00:00+07:00",
            ("resolved", "2022-07-12T09:00:00+07:00"), ("returned", "2022-08-02T09:00:00+07:00"));   // early
        await Story("J4", TestProvince.Justice, "postal", "2022-07-20T09:00:00+07:00", "2022-07-25T09:00:00+07:00",
            ("paused", "2022-07-22T09:00:00+07:00"));                                          // paused at the end, within due
        await Story("J5", TestProvince.Justice, "online", "2022-07-25T09:00:00+07:00", "2022-07-28T09:00:00+07:00",
            ("resolved", "2022-08-03T09:00:00+07:00"));                                        // overdue at the end, resolved in August
        await Story("J6", TestProvince.Justice, "online", "2022-07-26T09:00:00+07:00", "2022-07-29T09:00:00+07:00",
            ("withdrawn", "2022-07-27T09:00:00+07:00"));                                       // withdrawn within due
        await Story("J7", TestProvince.Justice, "online", "2022-07-28T09:00:00+07:00", "2022-08-02T09:00:00+07:00");  // in progress, on time
        await Story("J8", TestProvince.Justice, "online", "2022-07-29T09:00:00+07:00", "2022-08-03T09:00:00+07:00",
            ("resolved", "2022-07-31T23:30:00+07:00"));                                        // completed in July (local time)
        await Story("J9", TestProvince.Justice, "online", "2022-08-01T00:10:00+07:00", "2022-08-04T09:00:00+07:00");  // August
        // Huyện Cao Phong and its commune
        await Story("A1", TestProvince.DistrictA, "direct", "2022-06-01T09:00:00+07:00", "2022-06-03T09:00:00+07:00",
            ("resolved", "2022-06-02T09:00:00+07:00"));                                        // June only
        await Story("C1", TestProvince.CommuneA1, "online", "2022-07-15T09:00:00+07:00", "2022-07-20T09:00:00+07:00",
            ("stopped", "2022-07-16T09:00:00+07:00"));                                         // stopped within due
        await Story("C2", TestProvince.CommuneA1, "online", "2022-07-15T10:00:00+07:00", "2022-07-20T09:00:00+07:00",
            ("paused", "2022-07-15T13:30:00+07:00"), ("resumed", "2022-07-19T13:30:00+07:00"),   // 16 working hours paused: due 22/07 09:00
            ("resolved", "2022-07-21T15:00:00+07:00"));                                        // early
        // Huyện Đà Bắc: a land transfer carried over from June, in progress within its due time, after a second supplement request
        await Story("B1", TestProvince.DistrictB, "direct", "2022-06-28T09:00:00+07:00", "2022-07-13T17:00:00+07:00",
            ("paused", "2022-06-29T09:00:00+07:00"));
        await PostOkAsync(Event("resumed", "B1", "2022-06-30T09:00:00+07:00", fields: [("dueAt", "2022-07-14T17:00:00+07:00")]));
        await PostOkAsync(Event("paused", "B1", "2022-07-01T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", "B1", "2022-07-04T09:00:00+07:00", fields: [("dueAt", "2022-08-15T17:00:00+07:00")]));
    }

    private async Task Story(string code, string unit, string channel, string receivedAt, string dueAt, params (string Type, string At)[] events)
    {
        var procedure = unit == TestProvince.DistrictB ? TestProvince.LandTransfer : TestProvince.BirthRegistration;
        await PostOkAsync(Received(code, receivedAt, unitCode: unit, procedureCode: procedure, channel: channel, dueAt: dueAt));
        foreach (var (type, at) in events)
            await PostOkAsync(Event(type, code, at, fields: type == "paused" ? [("reason", "supplement")] : []));
    }

    private async Task<JsonObject> DrilldownAsync(string query, string? key = null)
    {
        var response = await GetAsync($"/api/reports/form06/dossiers?{query}", key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Codes(JsonObject page) => page["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()).ToList();

    private static JsonObject Item(JsonObject page, string code) =>
        page["items"]!.AsArray().Select(i => i!.AsObject()).Single(i => i["dossierCode"]!.GetValue<string>() == code);

    [Theory]
    [InlineData("received", "J1 B1 J2 J3 C1 C2 J4 J5 J6 J7 J8")]
    [InlineData("receivedOnline", "J3 C1 C2 J5 J6 J7 J8")]
    [InlineData("receivedDirect", "J2 J4")]
    [InlineData("carriedOver", "J1 B1")]
    [InlineData("resolved", "J1 J2 J3 C2 J8")]
    [InlineData("resolvedEarly", "J3 C2 J8")]
    [InlineData("resolvedOnTime", "J2")]
    [InlineData("resolvedLate", "J1")]
    [InlineData("inProgress", "B1 J4 J5 J7")]
    [InlineData("inProgressOnTime", "B1 J4 J7")]
    [InlineData("inProgressOverdue", "J5")]
    [InlineData("withdrawnOrStopped", "C1 J6")]
    [InlineData("onTime766", "J3 C1 C2 J4 J6 J7 J8")]
    public async Task each_column_of_the_total_row_lists_exactly_its_dossiers_by_receipt(string column, string expected)
    {
        await PostStoryAsync();

        var page = await DrilldownAsync($"{July}&column={column}");

        Codes(page).ShouldBe(expected.Split(' '));
        page["total"]!.GetValue<int>().ShouldBe(expected.Split(' ').Length);
    }

    [Fact]
    public async Task each_item_says_whether_it_is_on_time_for_766_as_the_column_counts_it()
    {
        await PostStoryAsync();
        var onTime = Codes(await DrilldownAsync($"{July}&column=onTime766")).ToHashSet();

        var received = await DrilldownAsync($"{July}&column=received");

        foreach (var item in received["items"]!.AsArray().Select(i => i!.AsObject()))
            item["onTime766"]!.GetValue<bool>().ShouldBe(onTime.Contains(item["dossierCode"]!.GetValue<string>()), item.ToJsonString());
        received["items"]!.AsArray().Count(i => i!["onTime766"]!.GetValue<bool>()).ShouldBe(7);
    }

    [Fact]
    public async Task a_unit_row_lists_that_units_own_dossiers_only()
    {
        await PostStoryAsync();

        Codes(await DrilldownAsync($"{July}&column=received&rowUnit={TestProvince.CommuneA1}")).ShouldBe(["C1", "C2"]);
        Codes(await DrilldownAsync($"{July}&column=received&rowUnit={TestProvince.DistrictA}")).ShouldBeEmpty();
        Codes(await DrilldownAsync($"{July}&column=inProgressOverdue&rowUnit={TestProvince.Justice}")).ShouldBe(["J5"]);
    }

    [Fact]
    public async Task a_subtotal_row_lists_the_dossiers_of_the_units_of_its_level()
    {
        await PostStoryAsync();

        Codes(await DrilldownAsync($"{July}&column=received&level=department")).ShouldBe(["J1", "J2", "J3", "J4", "J5", "J6", "J7", "J8"]);
        Codes(await DrilldownAsync($"{July}&column=received&level=district")).ShouldBe(["B1"]);
        Codes(await DrilldownAsync($"{July}&column=received&level=commune")).ShouldBe(["C1", "C2"]);
        Codes(await DrilldownAsync($"{July}&column=inProgressOnTime&level=department")).ShouldBe(["J4", "J7"]);
        Codes(await DrilldownAsync($"{July}&column=received&level=province")).ShouldBeEmpty();
    }

    [Fact]
    public async Task procedure_and_field_rows_select_by_the_dossiers_procedure()
    {
        await PostStoryAsync();

        Codes(await DrilldownAsync($"{July}&column=carriedOver&procedure={TestProvince.LandTransfer}")).ShouldBe(["B1"]);
        Codes(await DrilldownAsync($"{July}&column=carriedOver&procedure={TestProvince.BirthRegistration}")).ShouldBe(["J1"]);
        Codes(await DrilldownAsync($"{July}&column=carriedOver&procedure={TestProvince.Certification}")).ShouldBeEmpty();
        // No procedure of the test province names a field yet: the row of procedures without one holds them all.
        (await DrilldownAsync($"{July}&column=received&field=none"))["total"]!.GetValue<int>().ShouldBe(11);
    }

    [Fact]
    public async Task items_show_the_dossier_as_the_report_judged_it()
    {
        await PostStoryAsync();
        var page = await DrilldownAsync($"{July}&column=received");

        var resumed = Item(page, "C2");
        resumed["unitName"]!.GetValue<string>().ShouldBe("Xã Bắc Phong");
        resumed["channel"]!.GetValue<string>().ShouldBe("online");
        resumed["receivedAt"]!.GetValue<string>().ShouldBe("2022-07-15T10:00:00+07:00");
        resumed["dueAt"]!.GetValue<string>().ShouldBe("2022-07-22T09:00:00+07:00");   // moved by the pause
        resumed["completedAt"]!.GetValue<string>().ShouldBe("2022-07-21T15:00:00+07:00");
        resumed["closedAt"]!.GetValue<string>().ShouldBe("2022-07-21T15:00:00+07:00");
        resumed["result"]!.GetValue<string>().ShouldBe("early");

        var stopped = Item(page, "C1");
        stopped.ContainsKey("completedAt").ShouldBeFalse();
        stopped["closedAt"]!.GetValue<string>().ShouldBe("2022-07-16T09:00:00+07:00");

        // Resolved in August: in progress and overdue at July's end, so July's list shows no completion yet.
        var overdue = Item(page, "J5");
        overdue.ContainsKey("completedAt").ShouldBeFalse();
        overdue.ContainsKey("result").ShouldBeFalse();
        overdue["dueAt"]!.GetValue<string>().ShouldBe("2022-07-28T09:00:00+07:00");
    }

    [Fact]
    public async Task a_second_supplement_request_is_never_on_time_even_before_its_due_time()
    {
        await PostStoryAsync();

        var item = Item(await DrilldownAsync($"{July}&column=inProgress&rowUnit={TestProvince.DistrictB}"), "B1");

        item["dueAt"]!.GetValue<string>().ShouldBe("2022-08-15T17:00:00+07:00");   // the due time in force at the end
        item["onTime766"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task pages_follow_the_receipt_order_and_keep_the_total()
    {
        await PostStoryAsync();

        var second = await DrilldownAsync($"{July}&column=received&pageSize=3&page=2");

        Codes(second).ShouldBe(["J3", "C1", "C2"]);
        second["total"]!.GetValue<int>().ShouldBe(11);
        second["page"]!.GetValue<int>().ShouldBe(2);
        second["pageSize"]!.GetValue<int>().ShouldBe(3);
        Codes(await DrilldownAsync($"{July}&column=received&pageSize=3&page=5")).ShouldBeEmpty();
        (await DrilldownAsync($"{July}&column=received"))["pageSize"]!.GetValue<int>().ShouldBe(50);
    }

    [Fact]
    public async Task csv_has_the_same_page_with_the_total_in_a_header()
    {
        await PostStoryAsync();

        var response = await GetAsync($"/api/reports/form06/dossiers?{July}&column=resolved&format=csv&pageSize=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("5");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("resolved");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("dossierCode,unitCode,unitName,procedureCode,channel,receivedAt,dueAt,completedAt,closedAt,result,onTime766");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["J1", "J2"]);
        lines[1].ShouldEndWith(",late,false");
    }

    [Fact]
    public async Task a_running_period_is_judged_now_not_at_its_last_day()
    {
        // Now is Tuesday 10 March 2026, 10:00.
        await PostOkAsync(Received("DUE-PAST", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-05T09:00:00+07:00"));
        await PostOkAsync(Received("DUE-LATER", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-20T09:00:00+07:00"));

        Codes(await DrilldownAsync("period=2026-03&column=inProgressOverdue")).ShouldBe(["DUE-PAST"]);
        Codes(await DrilldownAsync("period=2026-Q1&column=inProgressOnTime")).ShouldBe(["DUE-LATER"]);
    }

    [Fact]
    public async Task a_span_and_the_official_cut_off_choose_the_days()
    {
        await PostStoryAsync();

        // The official July runs 15/06–14/07: J1 and B1 are received in it, J2 and J3 too.
        Codes(await DrilldownAsync("period=2022-07&cutoff=official&column=received")).ShouldBe(["J1", "B1", "J2", "J3"]);
        Codes(await DrilldownAsync("from=2022-07-15&to=2022-07-15&column=receivedOnline")).ShouldBe(["C1", "C2"]);
    }

    [Fact]
    public async Task a_district_supervisor_drills_only_into_the_district()
    {
        await PostStoryAsync();
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictA);

        Codes(await DrilldownAsync($"{July}&column=received", districtKey)).ShouldBe(["C1", "C2"]);
        await ProblemOf(await GetAsync($"/api/reports/form06/dossiers?{July}&column=received&unit={TestProvince.Province}", districtKey), HttpStatusCode.Forbidden);
        await ProblemOf(await GetAsync($"/api/reports/form06/dossiers?{July}&column=received&rowUnit={TestProvince.Justice}", districtKey), HttpStatusCode.BadRequest);
        await ProblemOf(await GetAnonymousAsync($"/api/reports/form06/dossiers?{July}&column=received"), HttpStatusCode.Unauthorized);
        await ProblemOf(await GetAsync($"/api/reports/form06/dossiers?{July}&column=received", IngestKey), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("period=2022-07", "column")]
    [InlineData("period=2022-07&column=late", "column")]
    [InlineData("column=received", "period")]
    [InlineData("period=2022-Q5&column=received", "period")]
    [InlineData("from=2022-07-10&to=2022-07-01&column=received", "from")]
    [InlineData("period=2022-07&cutoff=fiscal&column=received", "cutoff")]
    [InlineData("period=2022-07&column=received&rowUnit=000.00.01.H99&procedure=1.004227", "rowUnit")]
    [InlineData("period=2022-07&column=received&unit=000.00.11.H99&rowUnit=000.00.01.H99", "rowUnit")]
    [InlineData("period=2022-07&column=received&rowUnit=NO-SUCH-UNIT", "rowUnit")]
    [InlineData("period=2022-07&column=received&level=ward", "level")]
    [InlineData("period=2022-07&column=received&level=commune&field=none", "rowUnit")]
    [InlineData("period=2022-07&column=received&procedure=9.999999", "procedure")]
    [InlineData("period=2022-07&column=received&field=NO-SUCH-FIELD", "field")]
    [InlineData("period=2022-07&column=received&pageSize=501", "pageSize")]
    [InlineData("period=2022-07&column=received&page=0", "page")]
    [InlineData("period=2022-07&column=received&format=xlsx", "format")]
    public async Task a_bad_query_is_a_validation_problem_naming_the_parameter(string query, string parameter)
    {
        var problem = await ProblemOf(await GetAsync($"/api/reports/form06/dossiers?{query}"), HttpStatusCode.BadRequest);

        ShouldHaveType(problem, "validation");
        problem["errors"]!.AsObject().ContainsKey(parameter).ShouldBeTrue(problem.ToJsonString());
    }

    [Theory]
    [InlineData("period=2026-04&column=received", "period-in-future")]
    [InlineData("from=2026-03-11&to=2026-03-12&column=received", "period-in-future")]
    [InlineData("period=2022-07&column=received&unit=NO-SUCH-UNIT", "unknown-unit")]
    public async Task a_period_not_begun_and_an_unknown_unit_are_unprocessable(string query, string code)
    {
        var problem = await ProblemOf(await GetAsync($"/api/reports/form06/dossiers?{query}"), HttpStatusCode.UnprocessableEntity);

        ShouldHaveType(problem, code);
    }
}
