using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports.Drilldown;

/// <summary>
/// On generated traffic: the drill-down of every cell of a report lists exactly as many dossiers as the cell says, for
/// random periods, and the dossiers behind the figures keep the form's identities one by one.
/// </summary>
public sealed class DrilldownTotalsPropertyTests(TrackerApp app) : ApiScenario(app)
{
    private static readonly string[] Columns =
    [
        "received", "receivedOnline", "receivedDirect", "carriedOver", "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate",
        "inProgress", "inProgressOnTime", "inProgressOverdue", "withdrawnOrStopped", "onTime766",
    ];

    private async Task PostTrafficAsync(int seed)
    {
        foreach (var chunk in GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(300, seed), seed).Chunk(250))
        {
            var response = await SendAsync(HttpMethod.Post, "/api/events/batch", new { events = chunk }, IngestKey);
            var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
            results.Where(r => r!["status"]!.GetValue<string>() != "created").ShouldBeEmpty();
        }
    }

    private async Task<JsonObject> JsonAsync(string url)
    {
        var response = await GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<int> DrilldownTotalAsync(string query) =>
        (await JsonAsync($"/api/reports/form06/dossiers?pageSize=1&{query}"))["total"]!.GetValue<int>();

    private async Task<List<string>> DrilldownCodesAsync(string query)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var list = await JsonAsync($"/api/reports/form06/dossiers?pageSize=500&page={page}&{query}");
            codes.AddRange(list["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()));
            if (page * 500 >= list["total"]!.GetValue<int>()) return codes;
        }
    }

    [Fact]
    public async Task every_cell_of_monthly_reports_equals_its_drilldown_total()
    {
        await PostTrafficAsync(seed: 21);
        var cells = 0;

        foreach (var month in new[] { "2022-05", "2022-07", "2022-09", "2022-11" })
        foreach (var row in (await JsonAsync($"/api/reports/monthly?month={month}"))["rows"]!.AsArray().Select(r => r!.AsObject()))
        {
            var selector = row["kind"]!.GetValue<string>() switch
            {
                "unit" => $"&rowUnit={row["unitCode"]!.GetValue<string>()}",
                "total" => "",
                _ => null,   // a subtotal has no drill-down of its own: its units' rows have
            };
            if (selector is null) continue;
            foreach (var column in Columns)
            {
                (await DrilldownTotalAsync($"period={month}&column={column}{selector}"))
                    .ShouldBe(row[column]!.GetValue<int>(), $"{month} {row["kind"]} {row["unitCode"]} {column}");
                cells++;
            }
        }
        cells.ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task the_dossiers_behind_the_figures_keep_the_form_identities_one_by_one()
    {
        await PostTrafficAsync(seed: 22);

        foreach (var period in new[] { "period=2022-Q3", "period=2022-07&cutoff=official", "from=2022-06-10&to=2022-08-20" })
        {
            async Task<List<string>> Of(string column) => await DrilldownCodesAsync($"{period}&column={column}");
            var received = await Of("received");
            received.Count.ShouldBeGreaterThan(50, "the generated traffic should exercise the period");
            received.ShouldBeUnique();
            received.Order().ShouldBe((await Of("receivedOnline")).Concat(await Of("receivedDirect")).Concat(await Of("carriedOver")).Order(), period);
            received.Order().ShouldBe((await Of("resolved")).Concat(await Of("inProgress")).Concat(await Of("withdrawnOrStopped")).Order(), period);
            (await Of("resolved")).Order().ShouldBe((await Of("resolvedEarly")).Concat(await Of("resolvedOnTime")).Concat(await Of("resolvedLate")).Order(), period);
            (await Of("inProgress")).Order().ShouldBe((await Of("inProgressOnTime")).Concat(await Of("inProgressOverdue")).Order(), period);
            (await Of("onTime766")).ShouldBeSubsetOf(received);
        }
    }
}
