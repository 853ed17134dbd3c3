using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Which unit a dossier counts for across a reorganisation (contract v2): a commune ceases on 30 June 2025 and a new
/// commune, existing from 1 July, takes it over. A dossier it received on 30 June and finished in July counts for the
/// successor in periods starting after the merger, for the ceased commune in periods that start before it.
/// </summary>
public sealed class AttributionTests(TrackerApp app) : ReportScenario(app)
{
    private const string Ceased = "000.11.02.H99";
    private const string Successor = "000.11.09.H99";
    private const string Straddler = "ATT-1";

    private async Task MergeAndPostAsync()
    {
        var response = await SendAsync(HttpMethod.Put, "/api/units", new object[]
        {
            new { code = Successor, name = "Xã Cao Phong mới", level = "commune", parentCode = TestProvince.DistrictA, validFrom = "2025-07-01" },
            new { code = Ceased, name = "Xã Tây Phong", level = "commune", parentCode = TestProvince.DistrictA, validTo = "2025-06-30", successorCode = Successor },
        }, AdminKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        // Received in May and resolved in May: Q2's figures only.
        await Story("ATT-0", Ceased, "2025-05-12T09:00:00+07:00", "2025-05-15T17:00:00+07:00", events: [("resolved", "2025-05-14T10:00:00+07:00")]);
        await Story(Straddler, Ceased, "2025-06-30T10:00:00+07:00", "2025-07-03T10:00:00+07:00", events: [("resolved", "2025-07-02T09:00:00+07:00")]);
    }

    [Fact]
    public async Task after_the_merger_the_dossier_counts_for_the_successor_and_not_for_the_ceased_commune()
    {
        await MergeAndPostAsync();

        var july = await Form06Async("period=2025-07");
        F(UnitRow(july, Successor), "carriedOver").ShouldBe(1);
        F(UnitRow(july, Successor), "resolved").ShouldBe(1);
        Rows(july, "unit").ShouldNotContain(r => S(r["unitCode"]) == Ceased);
        F(Total(july), "resolved").ShouldBe(1);

        F(Total(await Form06Async($"period=2025-07&unit={Ceased}")), "received").ShouldBe(0);
        F(UnitRow(await Form06Async("period=2025-06"), Ceased), "received").ShouldBe(1);
    }

    [Fact]
    public async Task in_a_period_that_straddles_the_merger_the_dossier_stays_with_the_ceased_commune()
    {
        await MergeAndPostAsync();

        // The official third quarter runs 15/06–14/09/2025: it starts before the merger.
        var quarter = await Form06Async("period=2025-Q3&cutoff=official");

        F(UnitRow(quarter, Ceased), "received").ShouldBe(1);
        F(UnitRow(quarter, Ceased), "resolved").ShouldBe(1);
        F(UnitRow(quarter, Successor), "received").ShouldBe(0);
    }

    [Fact]
    public async Task the_successors_trend_runs_across_the_merger_and_the_ceased_communes_stops_there()
    {
        await MergeAndPostAsync();

        var successor = (await JsonAsync($"/api/reports/trend?unit={Successor}&from=2025-05&to=2025-07"))["months"]!.AsArray();
        successor.Select(m => m!["received"]!.GetValue<int>()).ShouldBe([1, 1, 1]);
        successor.Select(m => m!["resolved"]!.GetValue<int>()).ShouldBe([1, 0, 1]);

        var ceased = (await JsonAsync($"/api/reports/trend?unit={Ceased}&from=2025-05&to=2025-07"))["months"]!.AsArray();
        ceased.Select(m => m!["received"]!.GetValue<int>()).ShouldBe([1, 1, 0]);
    }

    [Fact]
    public async Task a_new_units_row_compared_with_a_period_before_it_existed_shows_its_predecessors_figures()
    {
        await MergeAndPostAsync();

        var quarter = await Form06Async("period=2025-Q3&compare=previous");

        var successor = UnitRow(quarter, Successor);
        F(successor, "received").ShouldBe(1);
        F(successor["previous"]!.AsObject(), "received").ShouldBe(2);
        Rows(quarter, "unit").ShouldNotContain(r => S(r["unitCode"]) == Ceased);
        F(Total(quarter)["previous"]!.AsObject(), "received").ShouldBe(2);
    }

    [Fact]
    public async Task the_drill_down_of_the_successors_row_lists_the_dossier_it_took_over_under_its_receiving_unit()
    {
        await MergeAndPostAsync();

        var cell = await JsonAsync($"/api/reports/form06/dossiers?period=2025-07&column=carriedOver&rowUnit={Successor}");

        cell["total"]!.GetValue<int>().ShouldBe(1);
        var item = cell["items"]!.AsArray().Single()!;
        S(item["dossierCode"]).ShouldBe(Straddler);
        S(item["unitCode"]).ShouldBe(Ceased);
    }

    [Fact]
    public async Task an_open_dossier_of_the_ceased_commune_is_on_the_successors_late_list_only()
    {
        await MergeAndPostAsync();
        await Story("ATT-2", Ceased, "2025-06-27T10:00:00+07:00", "2025-07-01T10:00:00+07:00");

        var successor = await JsonAsync($"/api/dossiers/late?unit={Successor}");
        successor["items"]!.AsArray().Select(i => S(i!["dossierCode"])).ShouldBe(["ATT-2"]);
        S(successor["items"]![0]!["unitCode"]).ShouldBe(Ceased);
        (await JsonAsync($"/api/dossiers/late?unit={Ceased}"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task a_merged_communes_quarter_compared_with_the_same_quarter_a_year_before_counts_what_it_took_over()
    {
        await MergeAndPostAsync();
        App.Clock.SetUtcNow(DateTimeOffset.Parse("2026-10-05T10:00:00+07:00"));
        await Story("ATT-3", Successor, "2026-08-03T09:00:00+07:00", "2026-08-06T17:00:00+07:00", events: [("resolved", "2026-08-05T10:00:00+07:00")]);

        var quarter = await Form06Async($"period=2026-Q3&unit={Successor}&compare=last-year");

        var row = UnitRow(quarter, Successor);
        F(row, "resolved").ShouldBe(1);
        // Q3 2025 began after the ceased commune's last day: the dossier it received on 30 June counts for the successor.
        F(row["previous"]!.AsObject(), "carriedOver").ShouldBe(1);
        F(row["previous"]!.AsObject(), "resolved").ShouldBe(1);
    }

    [Fact]
    public async Task correcting_a_successor_moves_the_figures_on_the_next_read_without_a_rebuild()
    {
        await MergeAndPostAsync();
        F(UnitRow(await Form06Async("period=2025-07"), Successor), "carriedOver").ShouldBe(1);

        // The ceased commune was in fact taken over by Xã Bắc Phong.
        var corrected = await SendAsync(HttpMethod.Put, "/api/units", new object[]
        {
            new { code = Ceased, name = "Xã Tây Phong", level = "commune", parentCode = TestProvince.DistrictA, validTo = "2025-06-30", successorCode = TestProvince.CommuneA1 },
        }, AdminKey);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());

        var july = await Form06Async("period=2025-07");
        F(UnitRow(july, Successor), "carriedOver").ShouldBe(0);
        F(UnitRow(july, TestProvince.CommuneA1), "carriedOver").ShouldBe(1);
        F(Total(july), "carriedOver").ShouldBe(1);
    }
}
