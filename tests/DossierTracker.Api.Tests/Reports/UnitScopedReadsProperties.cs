using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Reads scoped to some units of a store holding two provinces are read unit by unit from indexes led by the unit
/// (<c>unit_code = any(@units)</c>), and the drill-down's page of receipts is merged from each unit's first rows. On
/// generated traffic over both provinces, every page of those reads, walked with a small page size, must be the slice
/// of what the straightforward statement over the table says, for a province, a district and the other province.
/// </summary>
public sealed class UnitScopedReadsProperties(TrackerApp app) : ApiScenario(app)
{
    private const string OtherProvince = "000.00.00.H98";
    private const string OtherDistrict = "000.00.21.H98";
    private const string OtherCommune = "000.21.01.H98";
    private const int PageSize = 7;

    private static readonly object[] OtherUnits =
    [
        new { code = OtherProvince, name = "Tỉnh Thứ Hai", level = "province", parentCode = (string?)null },
        new { code = "000.00.01.H98", name = "Sở Tư pháp", level = "department", parentCode = OtherProvince },
        new { code = OtherDistrict, name = "Huyện Lạc Sơn", level = "district", parentCode = OtherProvince },
        new { code = OtherCommune, name = "Xã Ân Nghĩa", level = "commune", parentCode = OtherDistrict },
    ];

    private static readonly string[] OtherCodes = [OtherProvince, "000.00.01.H98", OtherDistrict, OtherCommune];

    private static readonly string[] TestProvinceCodes =
    [
        TestProvince.Province, TestProvince.Justice, TestProvince.Environment, TestProvince.DistrictA, TestProvince.DistrictB,
        TestProvince.CommuneA1, TestProvince.CommuneB1,
    ];

    /// <summary>The scopes read: the unit asked for, the codes of its subtree, and a supervisor key that may read it.</summary>
    private async Task<List<(string Unit, string[] Codes, string Key)>> ScopesAsync() =>
    [
        (TestProvince.Province, TestProvinceCodes, SupervisorKey),
        (TestProvince.DistrictA, [TestProvince.DistrictA, TestProvince.CommuneA1], SupervisorKey),
        (OtherProvince, OtherCodes, await App.CreateKeyAsync(Roles.Supervisor, OtherProvince, "other province supervisor")),
    ];

    /// <summary>Generated traffic in both provinces: every third dossier moved to a unit of the other one.</summary>
    private async Task PostTrafficInTwoProvincesAsync()
    {
        var otherAdmin = await App.CreateKeyAsync(Roles.Admin, OtherProvince, "other province admin");
        (await SendAsync(HttpMethod.Put, "/api/units", OtherUnits, otherAdmin)).EnsureSuccessStatusCode();
        var otherIngest = await App.CreateKeyAsync(Roles.Ingest, OtherProvince, "other province one-stop");

        var dossiers = GeneratedTraffic.Dossiers(360, seed: 31);
        for (var i = 0; i < dossiers.Count; i += 3) dossiers[i][0]["unitCode"] = OtherCodes[i / 3 % OtherCodes.Length];
        var other = dossiers.Where((_, i) => i % 3 == 0).ToList();
        var own = dossiers.Where((_, i) => i % 3 != 0).ToList();
        foreach (var (part, key) in new[] { (own, IngestKey), (other, otherIngest) })
        {
            foreach (var chunk in GeneratedTraffic.Interleaved(part, seed: 31).Chunk(250))
            {
                var response = await SendAsync(HttpMethod.Post, "/api/events/batch", new { events = chunk }, key);
                var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
                results.Where(r => r!["status"]!.GetValue<string>() != "created").ShouldBeEmpty();
            }
        }
    }

    private async Task<JsonObject> JsonAsync(string url, string key)
    {
        var response = await GetAsync(url, key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every page of a paged list, in order, and the total each page announced.</summary>
    private async Task<(List<string> Codes, HashSet<int> Totals)> AllPagesAsync(string url, string key)
    {
        var codes = new List<string>();
        var totals = new HashSet<int>();
        for (var page = 1; ; page++)
        {
            var list = await JsonAsync($"{url}&page={page}&pageSize={PageSize}", key);
            codes.AddRange(list["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()));
            totals.Add(list["total"]!.GetValue<int>());
            if (page * PageSize >= list["total"]!.GetValue<int>()) return (codes, totals);
        }
    }

    private async Task<List<string>> CodesAsync(string sql, string[] units)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("units", units);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }

    [Fact]
    public async Task every_page_of_a_drilldown_of_receipts_or_closes_for_some_units_is_the_slice_of_the_plain_statement()
    {
        await PostTrafficInTwoProvincesAsync();
        // The year 2022 and its third quarter (local time): receipts, closes and what was open at the quarter's start.
        var cells = new (string Query, string Where)[]
        {
            ("period=2022&column=receivedOnline",
                "received_at >= '2022-01-01T00:00:00+07' and received_at < '2023-01-01T00:00:00+07' and channel = 'online'"),
            ("period=2022-Q3&column=receivedDirect",
                "received_at >= '2022-07-01T00:00:00+07' and received_at < '2022-10-01T00:00:00+07' and channel <> 'online'"),
            ("period=2022-Q3&column=resolvedLate",
                "closed_at >= '2022-07-01T00:00:00+07' and closed_at < '2022-10-01T00:00:00+07' and result = 'late'"),
            ("period=2022-Q3&column=received",
                "received_at < '2022-10-01T00:00:00+07' and (closed_at is null or closed_at >= '2022-07-01T00:00:00+07')"),
        };
        var checkedCodes = 0;
        foreach (var (unit, codes, key) in await ScopesAsync())
        {
            foreach (var (query, where) in cells)
            {
                var expected = await CodesAsync(
                    $"""select code from tracker.dossiers where unit_code = any(@units) and {where} order by received_at, code collate "C" """, codes);
                var (pages, totals) = await AllPagesAsync($"/api/reports/form06/dossiers?unit={unit}&{query}", key);
                pages.ShouldBe(expected, $"{unit} {query}");
                totals.ShouldBe([expected.Count], $"{unit} {query}");
                checkedCodes += expected.Count;
            }
        }
        checkedCodes.ShouldBeGreaterThan(300, "the traffic should fill several pages of every cell");
    }

    [Fact]
    public async Task every_page_of_the_completed_late_list_for_some_units_is_the_slice_of_the_plain_statement()
    {
        await PostTrafficInTwoProvincesAsync();
        var ranges = new (string Query, string Where)[]
        {
            ("", "true"),
            ("&from=2022-07-01&to=2022-08-31", "completed_at >= '2022-07-01T00:00:00+07' and completed_at < '2022-09-01T00:00:00+07'"),
        };
        var checkedCodes = 0;
        foreach (var (unit, codes, key) in await ScopesAsync())
        {
            foreach (var (query, where) in ranges)
            {
                var expected = await CodesAsync(
                    $"""select code from tracker.dossiers where result = 'late' and unit_code = any(@units) and {where} order by late_by desc, due_at, code collate "C" """, codes);
                var (pages, totals) = await AllPagesAsync($"/api/dossiers/late?unit={unit}&state=completed{query}", key);
                pages.ShouldBe(expected, $"{unit}{query}");
                totals.ShouldBe([expected.Count], $"{unit}{query}");
                checkedCodes += expected.Count;
            }
        }
        checkedCodes.ShouldBeGreaterThan(2 * PageSize, "the traffic should complete dossiers late in every scope");
    }

    [Fact]
    public async Task a_province_report_counts_its_own_receipts_and_closes_by_unit_as_the_plain_statement_does()
    {
        await PostTrafficInTwoProvincesAsync();
        foreach (var (unit, codes, key) in await ScopesAsync())
        {
            var rows = (await JsonAsync($"/api/reports/form06?unit={unit}&period=2022", key))["rows"]!.AsArray()
                .Select(r => r!.AsObject()).Where(r => r["kind"]!.GetValue<string>() == "unit").ToList();
            foreach (var (column, where) in new[]
            {
                ("receivedOnline", "received_at >= '2022-01-01T00:00:00+07' and received_at < '2023-01-01T00:00:00+07' and channel = 'online'"),
                ("resolved", "closed_at >= '2022-01-01T00:00:00+07' and closed_at < '2023-01-01T00:00:00+07' and completed_at is not null"),
            })
            {
                var expected = (await CodesAsync($"select unit_code from tracker.dossiers where unit_code = any(@units) and {where}", codes))
                    .GroupBy(code => code).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
                var counted = rows.Where(r => r[column]!.GetValue<int>() > 0)
                    .Select(r => (r["unitCode"]!.GetValue<string>(), r[column]!.GetValue<int>())).OrderBy(r => r.Item1, StringComparer.Ordinal).ToList();
                counted.ShouldBe(expected, $"{unit} {column}");
            }
        }
    }
}
