using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// GET /api/reports/form06 over any period (contract version 2, "Reports over any period"): every named kind under
/// both cut-offs, spans of dates, and the refusals. The dossiers sit on the official cut-off of January 2025
/// (15/12/2024–14/01/2025) at Sở Tư pháp.
/// </summary>
public sealed class Form06PeriodTests(TrackerApp app) : ReportScenario(app)
{
    private async Task PostCutoffStoryAsync()
    {
        await Story("D1", TestProvince.Justice, "2024-12-14T23:30:00+07:00", "2024-12-20T09:00:00+07:00",
            events: ("resolved", "2024-12-16T10:00:00+07:00"));          // before the official January: carried over into it
        await Story("D2", TestProvince.Justice, "2024-12-15T00:10:00+07:00", "2024-12-20T09:00:00+07:00",
            events: ("resolved", "2024-12-18T10:00:00+07:00"));          // the official January's first day
        await Story("D3", TestProvince.Justice, "2025-01-14T23:30:00+07:00", "2025-01-17T09:00:00+07:00");   // its last day, open
        await Story("D4", TestProvince.Justice, "2025-01-15T08:00:00+07:00", "2025-01-20T09:00:00+07:00");   // the official February
    }

    [Theory]
    [InlineData("period=2024-02", "2024-02-01", "2024-02-29", "month", "2024-02")]
    [InlineData("period=2024-Q3", "2024-07-01", "2024-09-30", "quarter", "2024-Q3")]
    [InlineData("period=2024-H2", "2024-07-01", "2024-12-31", "half-year", "2024-H2")]
    [InlineData("period=2024", "2024-01-01", "2024-12-31", "year", "2024")]
    [InlineData("period=2025-01&cutoff=official", "2024-12-15", "2025-01-14", "month", "2025-01")]
    [InlineData("period=2025-Q1&cutoff=official", "2024-12-15", "2025-03-14", "quarter", "2025-Q1")]
    [InlineData("period=2025-H1&cutoff=official", "2024-12-15", "2025-06-14", "half-year", "2025-H1")]
    [InlineData("period=2025-H2&cutoff=official", "2025-06-15", "2025-12-14", "half-year", "2025-H2")]
    [InlineData("period=2025&cutoff=official", "2024-12-15", "2025-12-14", "year", "2025")]
    public async Task every_named_period_runs_over_its_own_dates(string query, string from, string to, string kind, string name)
    {
        var period = (await Form06Async(query))["period"]!;

        (S(period["from"]), S(period["to"]), S(period["kind"]), S(period["name"])).ShouldBe((from, to, kind, name));
    }

    [Fact]
    public async Task the_official_month_runs_from_the_15th_of_the_month_before_to_the_14th()
    {
        await PostCutoffStoryAsync();

        var official = UnitRow(await Form06Async("period=2025-01&cutoff=official"), TestProvince.Justice);
        var calendar = UnitRow(await Form06Async("period=2025-01"), TestProvince.Justice);

        (F(official, "receivedOnline"), F(official, "carriedOver"), F(official, "resolved"), F(official, "inProgress")).ShouldBe((2, 1, 2, 1));
        (F(calendar, "receivedOnline"), F(calendar, "carriedOver"), F(calendar, "resolved"), F(calendar, "inProgress")).ShouldBe((2, 0, 0, 2));
    }

    [Fact]
    public async Task a_span_of_dates_counts_those_days_and_echoes_a_cutoff_it_ignores()
    {
        await PostCutoffStoryAsync();

        var echoed = await Form06Async("from=2024-12-15&to=2025-01-14&cutoff=official");
        var plain = await Form06Async("from=2024-12-15&to=2025-01-14");

        (S(echoed["period"]!["cutoff"]), S(echoed["period"]!["kind"]), echoed["period"]!["name"]).ShouldBe(("official", "span", null));
        S(plain["period"]!["cutoff"]).ShouldBe("calendar");
        echoed["rows"]!.ToJsonString().ShouldBe(plain["rows"]!.ToJsonString());
        echoed["rows"]!.ToJsonString().ShouldBe((await Form06Async("period=2025-01&cutoff=official"))["rows"]!.ToJsonString());
    }

    [Fact]
    public async Task a_span_may_cover_a_leap_year_s_366_days() =>
        S((await Form06Async("from=2024-01-01&to=2024-12-31"))["period"]!["to"]).ShouldBe("2024-12-31");

    [Fact]
    public async Task a_quarter_counts_what_its_months_count()
    {
        await PostCutoffStoryAsync();
        await Story("F1", TestProvince.Environment, "2025-02-10T09:00:00+07:00", "2025-02-13T09:00:00+07:00", events: ("resolved", "2025-02-12T09:00:00+07:00"));
        await Story("M1", TestProvince.DistrictA, "2025-03-31T16:00:00+07:00", "2025-04-03T09:00:00+07:00", channel: "direct");

        var quarter = Total(await Form06Async("period=2025-Q1"));
        var months = new List<JsonObjectFigures>();
        foreach (var month in new[] { "2025-01", "2025-02", "2025-03" }) months.Add(new(Total(await Form06Async($"period={month}"))));

        (F(quarter, "receivedOnline"), F(quarter, "receivedDirect")).ShouldBe((months.Sum(m => m.Of("receivedOnline")), months.Sum(m => m.Of("receivedDirect"))));
        F(quarter, "resolved").ShouldBe(months.Sum(m => m.Of("resolved")));
        F(quarter, "carriedOver").ShouldBe(months[0].Of("carriedOver"));
        F(quarter, "inProgress").ShouldBe(months[2].Of("inProgress"));
        F(quarter, "received").ShouldBe(4);    // D3, D4, F1, M1 received in it, none carried over (D1, D2 resolved in December)
    }

    private sealed record JsonObjectFigures(System.Text.Json.Nodes.JsonObject Row)
    {
        public int Of(string figure) => F(Row, figure);
    }

    [Theory]
    [InlineData("", "period")]
    [InlineData("period=2025-Q5", "period")]
    [InlineData("period=2025-H3", "period")]
    [InlineData("period=25", "period")]
    [InlineData("period=2025&from=2025-01-01&to=2025-01-31", "period")]
    [InlineData("from=2025-02-01&to=2025-01-31", "from")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to")]
    [InlineData("from=2025-01-01", "to")]
    [InlineData("from=2025-01-01&to=31/01/2025", "to")]
    [InlineData("period=2025&cutoff=fiscal", "cutoff")]
    [InlineData("period=2025&rows=fields", "rows")]
    [InlineData("period=2025&compare=next", "compare")]
    [InlineData("period=2025&format=pdf", "format")]
    [InlineData("period=2025&lang=fr", "lang")]
    public async Task a_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var problem = await ProblemOf(await GetAsync($"/api/reports/form06?{query}"), HttpStatusCode.BadRequest);

        ShouldHaveType(problem, "validation");
        problem["errors"]!.AsObject().ContainsKey(parameter).ShouldBeTrue(problem.ToJsonString());
    }

    [Fact]
    public async Task an_unknown_unit_is_a_422_and_a_unit_outside_the_scope_a_403()
    {
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictA);

        ShouldHaveType(await ProblemOf(await GetAsync("/api/reports/form06?period=2025&unit=NO-SUCH"), HttpStatusCode.UnprocessableEntity), "unknown-unit");
        await ProblemOf(await GetAsync($"/api/reports/form06?period=2025&unit={TestProvince.Province}", districtKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_report_of_a_subtree_counts_only_its_units()
    {
        await PostCutoffStoryAsync();
        await Story("C1", TestProvince.CommuneA1, "2025-01-10T09:00:00+07:00", "2025-01-13T09:00:00+07:00");
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictA);

        var report = await JsonAsync("/api/reports/form06?period=2025-01", districtKey);

        Rows(report, "unit").Select(r => S(r["unitCode"])).ShouldBe([TestProvince.DistrictA, TestProvince.CommuneA1]);
        F(Total(report), "received").ShouldBe(1);
    }
}
