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

    private static readonly string[] Procedures = [TestProvince.BirthRegistration, TestProvince.Certification, TestProvince.LandTransfer];

    /// <summary>The generated traffic, its dossiers spread over the three procedures so that rows by procedure differ.</summary>
    private async Task PostTrafficAsync(int seed)
    {
        var dossiers = GeneratedTraffic.Dossiers(300, seed);
        for (var i = 0; i < dossiers.Count; i++) dossiers[i][0]["procedureCode"] = Procedures[i % Procedures.Length];
        foreach (var chunk in GeneratedTraffic.Interleaved(dossiers, seed).Chunk(250))
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

    /// <summary>A random period of 2022 (the traffic runs from May to September, closes later): named or a span, either cut-off.</summary>
    private static string RandomPeriod(Random random)
    {
        var cutoff = random.Next(2) == 0 ? "calendar" : "official";
        switch (random.Next(5))
        {
            case 0: return $"period=2022-{random.Next(4, 12):D2}&cutoff={cutoff}";
            case 1: return $"period=2022-Q{random.Next(2, 5)}&cutoff={cutoff}";
            case 2: return $"period=2022-H{random.Next(1, 3)}&cutoff={cutoff}";
            case 3: return $"period=2022&cutoff={cutoff}";
            default:
                var from = new DateOnly(2022, 4, 1).AddDays(random.Next(0, 240));
                return $"from={from:yyyy-MM-dd}&to={from.AddDays(random.Next(0, 120)):yyyy-MM-dd}&cutoff={cutoff}";
        }
    }

    /// <summary>The drill-down parameter that selects a report row.</summary>
    private static string RowSelector(JsonObject row) => row["kind"]!.GetValue<string>() switch
    {
        "unit" => $"&rowUnit={row["unitCode"]!.GetValue<string>()}",
        "subtotal" => $"&level={row["level"]!.GetValue<string>()}",
        "field" => $"&field={row["fieldCode"]?.GetValue<string>() ?? "none"}",
        "procedure" => $"&procedure={row["procedureCode"]!.GetValue<string>()}",
        "total" => "",
        var kind => throw new InvalidOperationException($"A row of kind '{kind}'."),
    };

    [Fact]
    public async Task every_cell_of_reports_over_random_periods_subtotals_included_equals_its_drilldown_total_and_every_kind_of_rows_adds_up_to_one_total()
    {
        await PostTrafficAsync(seed: 21);
        var random = new Random(2022);
        var cells = 0;

        for (var i = 0; i < 6; i++)
        {
            var period = RandomPeriod(random);
            var totals = new List<string>();
            foreach (var rowsBy in new[] { "unit", "field", "procedure" })
            {
                var rows = (await JsonAsync($"/api/reports/form06?{period}&rows={rowsBy}"))["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
                var total = rows.Single(r => r["kind"]!.GetValue<string>() == "total");
                var ownRows = rows.Where(r => r["kind"]!.GetValue<string>() == rowsBy).ToList();
                foreach (var column in Columns)
                    ownRows.Sum(r => r[column]!.GetValue<int>()).ShouldBe(total[column]!.GetValue<int>(), $"{period} rows={rowsBy} {column}");
                totals.Add(string.Join(",", Columns.Select(c => total[c]!.GetValue<int>())));

                foreach (var row in rows)
                {
                    var selector = RowSelector(row);
                    foreach (var column in Columns)
                    {
                        (await DrilldownTotalAsync($"{period}&column={column}{selector}"))
                            .ShouldBe(row[column]!.GetValue<int>(), $"{period} rows={rowsBy} {selector} {column}");
                        cells++;
                    }
                }
            }
            totals.Distinct().ShouldHaveSingleItem($"{period}: the totals of rows by unit, field and procedure");
        }
        cells.ShouldBeGreaterThan(6 * 3 * 2 * 13);
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
