using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// For random periods over generated traffic (three procedures, two of them with a field): the unit rows, the field rows
/// and the procedure rows each add up to their total, and the three totals are the same figures.
/// </summary>
public sealed class RowsAddUpProperties(TrackerApp app) : ReportScenario(app)
{
    private static readonly string[] Procedures = [TestProvince.BirthRegistration, TestProvince.Certification, TestProvince.LandTransfer];
    private static readonly string[] Identities = ["kind", "unitCode", "unitName", "level", "fieldCode", "fieldName", "procedureCode", "procedureName"];
    private static readonly string[] Counted =
    [
        "receivedOnline", "receivedDirect", "carriedOver", "resolvedEarly", "resolvedOnTime", "resolvedLate",
        "inProgressOnTime", "inProgressOverdue", "withdrawnOrStopped", "onTime766",
    ];

    /// <summary>A named period of 2022 under either cut-off, or a span of 1 to 366 days around the traffic (May–September 2022).</summary>
    private static Arbitrary<string> Periods() =>
        Gen.OneOf(
                Gen.Choose(1, 12).Select(m => $"period=2022-{m:D2}"),
                Gen.Choose(1, 4).Select(q => $"period=2022-Q{q}"),
                Gen.Choose(1, 2).Select(h => $"period=2022-H{h}"),
                Gen.Constant("period=2022"),
                Gen.Choose(0, 270).SelectMany(start => Gen.Choose(1, 366), (start, days) =>
                {
                    var from = new DateOnly(2022, 3, 1).AddDays(start);
                    return $"from={from:yyyy-MM-dd}&to={from.AddDays(days - 1):yyyy-MM-dd}";
                }))
            .SelectMany(period => Gen.Elements("calendar", "official"), (period, cutoff) => $"{period}&cutoff={cutoff}")
            .ToArbitrary();

    private async Task PostTrafficAsync()
    {
        await GiveFieldsAsync((TestProvince.BirthRegistration, "G09-HT01", "Hộ tịch"), (TestProvince.LandTransfer, "G09-TN01", "Đất đai"));
        var dossiers = GeneratedTraffic.Dossiers(300, seed: 21);
        for (var i = 0; i < dossiers.Count; i++) dossiers[i][0]["procedureCode"] = Procedures[i % Procedures.Length];
        foreach (var chunk in GeneratedTraffic.Interleaved(dossiers, seed: 5).Chunk(250))
        {
            var response = await SendAsync(HttpMethod.Post, "/api/events/batch", new { events = chunk }, IngestKey);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray()
                .Where(r => r!["status"]!.GetValue<string>() != "created").ShouldBeEmpty();
        }
    }

    private static Dictionary<string, int> Sum(IEnumerable<JsonObject> rows) =>
        Counted.ToDictionary(figure => figure, figure => rows.Sum(r => F(r, figure)));

    private static string FiguresOf(JsonObject total)
    {
        var copy = total.DeepClone().AsObject();
        foreach (var name in Identities) copy.Remove(name);
        return copy.ToJsonString();
    }

    private bool RowsAddUp(string period)
    {
        var totals = new List<string>();
        foreach (var (rows, kind) in new[] { ("unit", "unit"), ("field", "field"), ("procedure", "procedure") })
        {
            var report = Form06Async($"{period}&rows={rows}").GetAwaiter().GetResult();
            Sum(Rows(report, kind)).ShouldBe(Sum([Total(report)]), $"{period} rows={rows}");
            totals.Add(FiguresOf(Total(report)));
        }
        totals.Distinct().Count().ShouldBe(1, $"{period}: {string.Join(" | ", totals)}");
        return true;
    }

    [Fact]
    public async Task unit_field_and_procedure_rows_add_up_to_the_same_total_for_any_period()
    {
        await PostTrafficAsync();
        var july = Total(await Form06Async("period=2022-07"));
        F(july, "received").ShouldBeGreaterThan(50, "the generated traffic should exercise the report");

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(Periods(), RowsAddUp));
    }
}
