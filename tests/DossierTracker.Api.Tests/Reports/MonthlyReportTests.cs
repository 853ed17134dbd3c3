using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Form 06 for July 2022 over a small province built through the API. Each dossier exercises one rule; the expected
/// figures are worked out by hand in the comments.
/// </summary>
public sealed class MonthlyReportTests(TrackerApp app) : ApiScenario(app)
{
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
            ("paused", "2022-07-22T09:00:00+07:00"));                                          // paused at month end: on time
        await Story("J5", TestProvince.Justice, "online", "2022-07-25T09:00:00+07:00", "2022-07-28T09:00:00+07:00");  // overdue at end
        await Story("J6", TestProvince.Justice, "online", "2022-07-26T09:00:00+07:00", "2022-07-29T09:00:00+07:00",
            ("withdrawn", "2022-07-27T09:00:00+07:00"));                                       // outside the columns
        await Story("J7", TestProvince.Justice, "online", "2022-07-28T09:00:00+07:00", "2022-08-02T09:00:00+07:00");  // in progress, on time
        await Story("J8", TestProvince.Justice, "online", "2022-07-29T09:00:00+07:00", "2022-08-03T09:00:00+07:00",
            ("resolved", "2022-07-31T23:30:00+07:00"));                                        // completed in July (local time)
        await Story("J9", TestProvince.Justice, "online", "2022-08-01T00:10:00+07:00", "2022-08-04T09:00:00+07:00");  // August
        // Huyện Cao Phong and its commune
        await Story("A1", TestProvince.DistrictA, "direct", "2022-06-01T09:00:00+07:00", "2022-06-03T09:00:00+07:00",
            ("resolved", "2022-06-02T09:00:00+07:00"));                                        // June only
        await Story("C1", TestProvince.CommuneA1, "online", "2022-07-15T09:00:00+07:00", "2022-07-20T09:00:00+07:00",
            ("stopped", "2022-07-16T09:00:00+07:00"));
        await Story("C2", TestProvince.CommuneA1, "online", "2022-07-15T10:00:00+07:00", "2022-07-20T09:00:00+07:00",
            ("paused", "2022-07-15T13:30:00+07:00"), ("resumed", "2022-07-19T13:30:00+07:00"),   // 16 working hours paused
            ("resolved", "2022-07-21T15:00:00+07:00"));                                        // due 22/07 09:00: early (late without the pause)
    }

    private async Task Story(string code, string unit, string channel, string receivedAt, string dueAt, params (string Type, string At)[] events)
    {
        await PostOkAsync(Received(code, receivedAt, unitCode: unit, channel: channel, dueAt: dueAt));
        foreach (var (type, at) in events)
            await PostOkAsync(Event(type, code, at, fields: type == "paused" ? [("reason", "supplement")] : []));
    }

    private async Task<JsonObject> ReportAsync(string query, string? key = null)
    {
        var response = await GetAsync($"/api/reports/monthly?{query}", key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static JsonObject Row(JsonObject report, string? unitCode, string kind = "unit", string? level = null) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).Single(r =>
            r["kind"]!.GetValue<string>() == kind
            && (unitCode is null ? r["unitCode"] is null : r["unitCode"]?.GetValue<string>() == unitCode)
            && (level is null || r["level"]?.GetValue<string>() == level));

    private static void ShouldHave(JsonObject row, string figure, int value) => row[figure]!.GetValue<int>().ShouldBe(value, figure);

    [Fact]
    public async Task every_column_of_a_department_row_follows_the_form_06_rules()
    {
        await PostStoryAsync();

        var justice = Row(await ReportAsync("month=2022-07"), TestProvince.Justice);

        ShouldHave(justice, "receivedOnline", 5);      // J3 J5 J6 J7 J8
        ShouldHave(justice, "receivedDirect", 2);      // J2 direct, J4 postal
        ShouldHave(justice, "carriedOver", 1);         // J1
        ShouldHave(justice, "received", 8);
        ShouldHave(justice, "resolvedEarly", 2);       // J3, J8
        ShouldHave(justice, "resolvedOnTime", 1);      // J2
        ShouldHave(justice, "resolvedLate", 1);        // J1
        ShouldHave(justice, "resolved", 4);
        ShouldHave(justice, "inProgressOnTime", 2);    // J4 paused, J7
        ShouldHave(justice, "inProgressOverdue", 1);   // J5
        ShouldHave(justice, "inProgress", 3);
        ShouldHave(justice, "withdrawnOrStopped", 1);  // J6
        justice["onTimeRate"]!.GetValue<double>().ShouldBe(0.75);
        ShouldHave(justice, "onTime766", 5);           // J3 J8 completed within due, J6 withdrawn within due, J4 paused within due, J7
        justice["indicator766"]!.GetValue<double>().ShouldBe(0.625);
        justice["points766"]!.GetValue<double>().ShouldBe(12.5);
    }

    [Fact]
    public async Task rows_are_ordered_by_level_with_subtotals_and_a_total()
    {
        await PostStoryAsync();

        var rows = (await ReportAsync("month=2022-07"))["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();

        rows.Select(r => $"{r["kind"]}:{r["unitCode"]?.GetValue<string>() ?? r["level"]?.GetValue<string>() ?? "all"}").ShouldBe(new[]
        {
            $"unit:{TestProvince.Justice}", $"unit:{TestProvince.Environment}", "subtotal:department",
            $"unit:{TestProvince.DistrictA}", $"unit:{TestProvince.DistrictB}", "subtotal:district",
            $"unit:{TestProvince.CommuneA1}", $"unit:{TestProvince.CommuneB1}", "subtotal:commune",
            "total:all",
        });
        rows[^1]["unitCode"].ShouldBeNull();
    }

    [Fact]
    public async Task the_province_gets_a_row_only_for_dossiers_received_at_it_directly()
    {
        await PostStoryAsync();
        await PostOkAsync(Received("P1", "2022-07-12T09:00:00+07:00", unitCode: TestProvince.Province, dueAt: "2022-07-15T09:00:00+07:00"));

        var rows = (await ReportAsync("month=2022-07"))["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();

        rows[0]["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.Province);
        rows[1]["kind"]!.GetValue<string>().ShouldBe("subtotal");
        rows[1]["level"]!.GetValue<string>().ShouldBe("province");
        (await ReportAsync("month=2022-06"))["rows"]!.AsArray().ShouldNotContain(r => r!["level"] != null && r!["level"]!.GetValue<string>() == "province");
    }

    [Fact]
    public async Task zero_rows_have_null_rates_and_the_total_recomputes_rates_from_sums()
    {
        await PostStoryAsync();
        var report = await ReportAsync("month=2022-07");

        var environment = Row(report, TestProvince.Environment);
        ShouldHave(environment, "received", 0);
        environment["onTimeRate"].ShouldBeNull();
        environment["indicator766"].ShouldBeNull();
        environment.ContainsKey("onTimeRate").ShouldBeTrue();

        var total = Row(report, null, "total");
        ShouldHave(total, "received", 10);             // 8 Justice + C1 + C2
        ShouldHave(total, "resolved", 5);
        ShouldHave(total, "resolvedEarly", 3);
        total["onTimeRate"]!.GetValue<double>().ShouldBe(0.8);
        ShouldHave(total, "withdrawnOrStopped", 2);
    }

    [Fact]
    public async Task a_pause_moves_the_due_time_used_for_the_result()
    {
        await PostStoryAsync();

        var commune = Row(await ReportAsync("month=2022-07"), TestProvince.CommuneA1);

        ShouldHave(commune, "resolvedEarly", 1);
        ShouldHave(commune, "withdrawnOrStopped", 1);
        ShouldHave(commune, "received", 2);
    }

    [Fact]
    public async Task the_next_month_carries_over_what_was_in_progress()
    {
        await PostStoryAsync();

        var justice = Row(await ReportAsync("month=2022-08"), TestProvince.Justice);

        ShouldHave(justice, "carriedOver", 3);        // J4, J5, J7
        ShouldHave(justice, "receivedOnline", 1);     // J9 (received 00:10 on 1 August)
        ShouldHave(justice, "resolved", 0);           // J3's return does not complete it again
    }

    [Fact]
    public async Task every_row_satisfies_the_form_identities()
    {
        await PostStoryAsync();

        foreach (var month in new[] { "2022-06", "2022-07", "2022-08" })
        foreach (var row in (await ReportAsync($"month={month}"))["rows"]!.AsArray().Select(r => r!.AsObject()))
        {
            int F(string name) => row[name]!.GetValue<int>();
            F("received").ShouldBe(F("receivedOnline") + F("receivedDirect") + F("carriedOver"));
            F("resolved").ShouldBe(F("resolvedEarly") + F("resolvedOnTime") + F("resolvedLate"));
            F("inProgress").ShouldBe(F("inProgressOnTime") + F("inProgressOverdue"));
            F("received").ShouldBe(F("resolved") + F("inProgress") + F("withdrawnOrStopped"));
        }
    }

    [Fact]
    public async Task a_district_supervisor_sees_only_the_district_and_may_not_ask_for_the_province()
    {
        await PostStoryAsync();
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictA);

        var report = await ReportAsync("month=2022-07", districtKey);

        report["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.DistrictA);
        report["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "unit").Select(r => r!["unitCode"]!.GetValue<string>())
            .ShouldBe(new[] { TestProvince.DistrictA, TestProvince.CommuneA1 });
        Row(report, null, "total")["received"]!.GetValue<int>().ShouldBe(2);
        await ProblemOf(await GetAsync($"/api/reports/monthly?month=2022-07&unit={TestProvince.Province}", districtKey), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("month=2022-13", HttpStatusCode.BadRequest)]
    [InlineData("month=July", HttpStatusCode.BadRequest)]
    [InlineData("", HttpStatusCode.BadRequest)]
    [InlineData("month=2022-07&format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("month=2022-07&unit=NO-SUCH-UNIT", HttpStatusCode.UnprocessableEntity)]
    public async Task bad_report_queries_are_problems(string query, HttpStatusCode status)
    {
        await ProblemOf(await GetAsync($"/api/reports/monthly?{query}"), status);
    }

    [Fact]
    public async Task trend_gives_the_subtree_figures_month_by_month()
    {
        await PostStoryAsync();

        var response = await GetAsync("/api/reports/trend?from=2022-06&to=2022-08");
        var trend = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        var months = trend["months"]!.AsArray().Select(m => m!.AsObject()).ToList();
        months.Select(m => m["month"]!.GetValue<string>()).ShouldBe(new[] { "2022-06", "2022-07", "2022-08" });
        months[1]["resolved"]!.GetValue<int>().ShouldBe(5);
        months[1]["onTimeRate"]!.GetValue<double>().ShouldBe(0.8);
        months[0]["resolved"]!.GetValue<int>().ShouldBe(1);
        months[1]["onTime766"]!.GetValue<int>().ShouldBe(7);   // Justice's 5, C1 stopped within due, C2 resolved within its moved due time
    }
}
