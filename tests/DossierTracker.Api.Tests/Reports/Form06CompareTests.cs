using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// <c>compare=previous|last-year</c> (contract version 2): every row gains <c>previous</c>, the same figures over the
/// period of the same kind just before, or the same period a year earlier; the body names the compared period.
/// </summary>
public sealed class Form06CompareTests(TrackerApp app) : ReportScenario(app)
{
    private async Task PostStoryAsync()
    {
        await Story("A", TestProvince.Justice, "2024-01-10T09:00:00+07:00", "2024-01-15T09:00:00+07:00", events: ("resolved", "2024-01-12T09:00:00+07:00"));
        await Story("B", TestProvince.Justice, "2024-11-20T09:00:00+07:00", "2024-11-25T09:00:00+07:00", events: ("resolved", "2024-11-28T09:00:00+07:00"));
        await Story("C", TestProvince.Justice, "2024-12-16T09:00:00+07:00", "2024-12-19T09:00:00+07:00");
        await Story("D", TestProvince.CommuneA1, "2025-01-10T09:00:00+07:00", "2025-01-15T09:00:00+07:00", events: ("resolved", "2025-01-13T09:00:00+07:00"));
        await Story("E", TestProvince.DistrictB, "2025-02-03T09:00:00+07:00", "2025-02-06T09:00:00+07:00");
    }

    /// <summary>A row without its <c>previous</c>, to compare with the same row of the earlier period asked on its own.</summary>
    private static string Figures(JsonObject row)
    {
        var copy = row.DeepClone().AsObject();
        copy.Remove("previous");
        return copy.ToJsonString();
    }

    private static string PreviousOf(JsonObject row) => row["previous"]!.ToJsonString();

    private static string FiguresOnly(JsonObject row)
    {
        var copy = row.DeepClone().AsObject();
        foreach (var name in new[] { "kind", "unitCode", "unitName", "level", "fieldCode", "fieldName", "procedureCode", "procedureName", "previous" })
            copy.Remove(name);
        return copy.ToJsonString();
    }

    [Theory]
    [InlineData("period=2025-Q1&compare=previous", "period=2024-Q4", "2024-10-01", "2024-12-31")]
    [InlineData("period=2025-Q1&cutoff=official&compare=previous", "period=2024-Q4&cutoff=official", "2024-09-15", "2024-12-14")]
    [InlineData("period=2025-01&cutoff=official&compare=previous", "period=2024-12&cutoff=official", "2024-11-15", "2024-12-14")]
    [InlineData("period=2025-01&compare=last-year", "period=2024-01", "2024-01-01", "2024-01-31")]
    [InlineData("period=2025-H1&compare=previous", "period=2024-H2", "2024-07-01", "2024-12-31")]
    [InlineData("period=2025&cutoff=official&compare=last-year", "period=2024&cutoff=official", "2023-12-15", "2024-12-14")]
    [InlineData("from=2025-01-01&to=2025-01-10&compare=previous", "from=2024-12-22&to=2024-12-31", "2024-12-22", "2024-12-31")]
    [InlineData("from=2024-02-29&to=2024-03-31&compare=last-year", "from=2023-02-28&to=2023-03-31", "2023-02-28", "2023-03-31")]
    public async Task every_row_s_previous_holds_the_figures_of_the_compared_period(string query, string comparedQuery, string from, string to)
    {
        await PostStoryAsync();

        var report = await Form06Async(query);
        var compared = await Form06Async(comparedQuery);

        (S(report["previousPeriod"]!["from"]), S(report["previousPeriod"]!["to"])).ShouldBe((from, to));
        Rows(report).Select(PreviousOf).ShouldBe(Rows(compared).Select(FiguresOnly));
    }

    [Fact]
    public async Task the_compared_figures_add_up_like_the_period_s_own()
    {
        await PostStoryAsync();

        var report = await Form06Async("period=2025-Q1&compare=previous");

        var previousReceived = Rows(report, "unit").Sum(r => r["previous"]!["received"]!.GetValue<int>());
        Total(report)["previous"]!["received"]!.GetValue<int>().ShouldBe(previousReceived);
        previousReceived.ShouldBe(2);   // B and C received in the fourth quarter
        F(Total(report), "received").ShouldBe(3);   // C carried over, D and E received
    }

    [Fact]
    public async Task rows_by_field_and_procedure_carry_previous_too()
    {
        await PostStoryAsync();

        foreach (var rows in new[] { "field", "procedure" })
        {
            var report = await Form06Async($"period=2025-01&rows={rows}&compare=last-year");
            Rows(report).ShouldAllBe(r => r["previous"] != null);
            Total(report)["previous"]!["received"]!.GetValue<int>().ShouldBe(1);   // A, in January 2024
        }
    }

    [Fact]
    public async Task without_compare_rows_have_no_previous_and_the_body_no_compared_period()
    {
        await PostStoryAsync();

        var report = await Form06Async("period=2025-Q1");

        report.ContainsKey("previousPeriod").ShouldBeFalse();
        Rows(report).ShouldAllBe(r => !r.ContainsKey("previous"));
        Rows(report).Select(Figures).ShouldBe(Rows(await Form06Async("period=2025-Q1&compare=none")).Select(Figures));
    }
}
