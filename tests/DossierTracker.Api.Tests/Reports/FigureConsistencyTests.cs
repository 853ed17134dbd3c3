using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Dossiers;
using DossierTracker.Reporting;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// On generated traffic: the figures cannot drift from the lists, do not depend on arrival order, and a rebuild of
/// the read model from the event stream gives the same answers.
/// </summary>
public sealed class FigureConsistencyTests(TrackerApp app) : ApiScenario(app)
{
    private static readonly string[] Months = ["2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10"];

    private async Task PostAsync(List<Dictionary<string, object?>> events)
    {
        foreach (var chunk in events.Chunk(250))
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

    private async Task<string> AllReportsAsync()
    {
        var reports = new List<string>();
        foreach (var month in Months) reports.Add((await JsonAsync($"/api/reports/monthly?month={month}")).ToJsonString());
        return string.Join("\n", reports);
    }

    private async Task<Dictionary<string, int>> LateListCountByUnitAsync(string query)
    {
        var counts = new Dictionary<string, int>();
        for (var page = 1; ; page++)
        {
            var list = await JsonAsync($"/api/dossiers/late?pageSize=500&page={page}&{query}");
            foreach (var item in list["items"]!.AsArray())
            {
                var unit = item!["unitCode"]!.GetValue<string>();
                counts[unit] = counts.GetValueOrDefault(unit) + 1;
            }
            if (page * 500 >= list["total"]!.GetValue<int>()) return counts;
        }
    }

    [Fact]
    public async Task list_totals_equal_report_cells_and_every_row_keeps_the_identities()
    {
        await PostAsync(GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(400, seed: 7), seed: 1));

        foreach (var month in Months)
        {
            var report = await JsonAsync($"/api/reports/monthly?month={month}");
            var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd");
            var monthEnd = start.AddMonths(1).ToString("yyyy-MM-dd") + "T00:00:00%2B07:00";
            var completedLate = await LateListCountByUnitAsync($"state=completed&from={start:yyyy-MM-dd}&to={start.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
            var openAtEnd = await LateListCountByUnitAsync($"state=open&at={monthEnd}");

            foreach (var row in report["rows"]!.AsArray().Select(r => r!.AsObject()))
            {
                int F(string name) => row[name]!.GetValue<int>();
                F("received").ShouldBe(F("receivedOnline") + F("receivedDirect") + F("carriedOver"));
                F("resolved").ShouldBe(F("resolvedEarly") + F("resolvedOnTime") + F("resolvedLate"));
                F("inProgress").ShouldBe(F("inProgressOnTime") + F("inProgressOverdue"));
                F("received").ShouldBe(F("resolved") + F("inProgress") + F("withdrawnOrStopped"), $"{month} {row["unitCode"]}");
                F("onTime766").ShouldBeLessThanOrEqualTo(F("received"));
                if (row["kind"]!.GetValue<string>() != "unit") continue;
                var unit = row["unitCode"]!.GetValue<string>();
                completedLate.GetValueOrDefault(unit).ShouldBe(F("resolvedLate"), $"{month} {unit} resolvedLate");
                openAtEnd.GetValueOrDefault(unit).ShouldBe(F("inProgressOverdue"), $"{month} {unit} inProgressOverdue");
            }
        }
        var total = (await JsonAsync("/api/reports/monthly?month=2022-07"))["rows"]!.AsArray().Last()!;
        total["received"]!.GetValue<int>().ShouldBeGreaterThan(50, "the generated traffic should exercise the report");
    }

    [Fact]
    public async Task each_month_of_the_trend_equals_the_total_of_that_months_report()
    {
        // The trend reads a month's carried-over stock from the month before (counted at its end): it must be the same.
        await PostAsync(GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(300, seed: 17), seed: 6));

        var months = (await JsonAsync($"/api/reports/trend?from={Months[0]}&to={Months[^1]}"))["months"]!.AsArray().Select(m => m!.AsObject()).ToList();

        months.Select(m => m["month"]!.GetValue<string>()).ShouldBe(Months);
        foreach (var (month, point) in Months.Zip(months))
        {
            var total = (await JsonAsync($"/api/reports/monthly?month={month}"))["rows"]!.AsArray().Last()!.AsObject();
            total["carriedOver"]!.GetValue<int>().ShouldBeGreaterThan(month == Months[0] ? -1 : 0, $"{month}: the traffic should carry dossiers over");
            foreach (var name in new[] { "received", "resolved", "resolvedLate", "inProgressOverdue", "onTime766" })
                point[name]!.GetValue<int>().ShouldBe(total[name]!.GetValue<int>(), $"{month} {name}");
        }
    }

    [Fact]
    public async Task on_time_766_counts_exactly_the_dossiers_the_domain_rule_judges_on_time()
    {
        await PostAsync(GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(400, seed: 13), seed: 4));
        var dossiers = await FoldedDossiersAsync();
        dossiers.Count(d => d.SecondSupplementRequestAt is not null).ShouldBeGreaterThan(3, "the traffic should exercise the supplement rule");

        foreach (var month in Months)
        {
            var period = ReportMonth.Parse(month);
            var expected = dossiers
                .Where(d => d.ReceivedAt < period.End && !(d.ClosedAt < period.Start) && Decision766.IsOnTime(d, period.End))
                .GroupBy(d => d.UnitCode)
                .ToDictionary(g => g.Key, g => g.Count());

            foreach (var row in (await JsonAsync($"/api/reports/monthly?month={month}"))["rows"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "unit"))
            {
                var unit = row!["unitCode"]!.GetValue<string>();
                row["onTime766"]!.GetValue<int>().ShouldBe(expected.GetValueOrDefault(unit), $"{month} {unit}");
            }
        }
    }

    /// <summary>Every dossier as the read model folded it, to judge with the domain's own rule.</summary>
    private async Task<List<Dossier>> FoldedDossiersAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand($"select state::text from {TrackerTables.Dossiers}", connection);
        await using var reader = await select.ExecuteReaderAsync();
        var dossiers = new List<Dossier>();
        while (await reader.ReadAsync()) dossiers.Add(JsonSerializer.Deserialize<Dossier>(reader.GetString(0), StateJson.Options)!);
        return dossiers;
    }

    [Fact]
    public async Task reports_do_not_depend_on_the_order_events_arrived_in()
    {
        var dossiers = GeneratedTraffic.Dossiers(300, seed: 11);
        await PostAsync(GeneratedTraffic.Interleaved(dossiers, seed: 1));
        var first = await AllReportsAsync();

        await InitializeAsync();
        await PostAsync(GeneratedTraffic.Interleaved(dossiers, seed: 2));

        (await AllReportsAsync()).ShouldBe(first);
    }

    [Fact]
    public async Task rebuilding_the_read_model_from_the_stream_gives_identical_answers()
    {
        await PostAsync(GeneratedTraffic.Interleaved(GeneratedTraffic.Dossiers(300, seed: 5), seed: 3));
        var before = await AllReportsAsync();
        var lateBefore = (await JsonAsync("/api/dossiers/late?state=all&pageSize=500")).ToJsonString();

        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            await using var wipe = new NpgsqlCommand($"truncate {TrackerTables.Dossiers}, {TrackerTables.DossierPhases}", connection);
            await wipe.ExecuteNonQueryAsync();
        }
        (await AllReportsAsync()).ShouldNotBe(before);

        using var daemon = await App.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(DossierReadModelProjection.ProjectionName, TimeSpan.FromMinutes(2), CancellationToken.None);

        (await AllReportsAsync()).ShouldBe(before);
        (await JsonAsync("/api/dossiers/late?state=all&pageSize=500")).ToJsonString().ShouldBe(lateBefore);
    }
}
