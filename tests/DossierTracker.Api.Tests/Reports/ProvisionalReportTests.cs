using System.Net;
using System.Text;
using DossierTracker.Api.Tests.Exports;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// A period that has not ended is reported as of now (contract version 2; issue 15, point 4: on 4 December the December
/// report showed 843 dossiers overdue while 12 were, because open dossiers were judged at 31 December). Now is the test
/// clock, Tuesday 10 March 2026 10:00; a period that has not begun is a 422 <c>period-in-future</c>.
/// </summary>
public sealed class ProvisionalReportTests(TrackerApp app) : ReportScenario(app)
{
    private const string AsOf = "2026-03-10T10:00:00+07:00";

    private async Task PostStoryAsync()
    {
        await Story("O1", TestProvince.Justice, "2026-03-02T09:00:00+07:00", "2026-03-05T09:00:00+07:00");   // overdue now
        await Story("O2", TestProvince.Justice, "2026-03-09T09:00:00+07:00", "2026-03-20T09:00:00+07:00");   // overdue only by the month's end
        await Story("O3", TestProvince.Justice, "2026-03-03T09:00:00+07:00", "2026-03-25T09:00:00+07:00",
            events: ("resolved", "2026-03-04T09:00:00+07:00"));
    }

    [Fact]
    public async Task a_running_month_judges_its_open_dossiers_now_not_at_its_last_day()
    {
        await PostStoryAsync();

        var report = await Form06Async("period=2026-03");

        (report["provisional"]!.GetValue<bool>(), S(report["asOf"])).ShouldBe((true, AsOf));
        var justice = UnitRow(report, TestProvince.Justice);
        (F(justice, "inProgressOverdue"), F(justice, "inProgressOnTime"), F(justice, "onTime766")).ShouldBe((1, 1, 2));
        var lateNow = await JsonAsync("/api/dossiers/late?state=open");
        lateNow["total"]!.GetValue<int>().ShouldBe(F(Total(report), "inProgressOverdue"));
    }

    [Fact]
    public async Task once_the_period_has_ended_it_is_final_and_judged_at_its_end()
    {
        await PostStoryAsync();
        App.Clock.Advance(TimeSpan.FromDays(30));

        var report = await Form06Async("period=2026-03");

        report["provisional"]!.GetValue<bool>().ShouldBeFalse();
        report.ContainsKey("asOf").ShouldBeFalse();
        F(UnitRow(report, TestProvince.Justice), "inProgressOverdue").ShouldBe(2);
    }

    [Theory]
    [InlineData("period=2026")]
    [InlineData("period=2026-Q1")]
    [InlineData("period=2026-H1&cutoff=official")]
    [InlineData("period=2026-03&cutoff=official")]
    [InlineData("from=2026-03-10&to=2026-03-10")]
    public async Task every_period_still_running_is_provisional(string query) =>
        (await Form06Async(query))["provisional"]!.GetValue<bool>().ShouldBeTrue();

    [Theory]
    [InlineData("period=2026-02")]
    [InlineData("period=2025-Q4&cutoff=official")]
    [InlineData("from=2026-03-01&to=2026-03-09")]
    public async Task a_period_that_has_ended_is_not_provisional(string query) =>
        (await Form06Async(query))["provisional"]!.GetValue<bool>().ShouldBeFalse();

    [Theory]
    [InlineData("/api/reports/form06?period=2026-04")]
    [InlineData("/api/reports/form06?period=2026-Q2&cutoff=official")]
    [InlineData("/api/reports/form06?period=2027")]
    [InlineData("/api/reports/form06?from=2026-03-11&to=2026-03-20")]
    [InlineData("/api/reports/monthly?month=2026-04")]
    [InlineData("/api/reports/trend?from=2026-01&to=2026-04")]
    public async Task a_period_not_begun_is_a_422_period_in_future(string url) =>
        ShouldHaveType(await ProblemOf(await GetAsync(url), HttpStatusCode.UnprocessableEntity), "period-in-future");

    [Fact]
    public async Task the_monthly_report_of_a_running_month_is_provisional_too()
    {
        await PostStoryAsync();

        var report = await JsonAsync("/api/reports/monthly?month=2026-03");

        (report["provisional"]!.GetValue<bool>(), S(report["asOf"]), S(report["month"])).ShouldBe((true, AsOf, "2026-03"));
        F(UnitRow(report, TestProvince.Justice), "inProgressOverdue").ShouldBe(1);
        (await JsonAsync("/api/reports/monthly?month=2026-02"))["provisional"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task the_trend_s_running_last_month_is_counted_as_of_now_and_flagged()
    {
        await PostStoryAsync();

        var trend = await JsonAsync("/api/reports/trend?from=2026-01&to=2026-03");

        (trend["provisional"]!.GetValue<bool>(), S(trend["asOf"])).ShouldBe((true, AsOf));
        trend["months"]!.AsArray()[^1]!["inProgressOverdue"]!.GetValue<int>().ShouldBe(1);
        (await JsonAsync("/api/reports/trend?from=2026-01&to=2026-02"))["provisional"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task the_csv_carries_the_period_and_the_provisional_note_above_the_table()
    {
        var response = await GetAsync("/api/reports/form06?period=2026-03&format=csv");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");

        lines[1..4].ShouldBe(["Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026", "Số liệu tạm tính đến 10:00 10/03/2026", ""]);
        lines[4].ShouldStartWith("kind,unitCode,unitName,level,received,");
    }

    [Fact]
    public async Task the_xlsx_period_line_carries_the_provisional_note()
    {
        var response = await GetAsync("/api/reports/form06?period=2026-03&format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        new XlsxSheet(await response.Content.ReadAsByteArrayAsync()).Text("A4")
            .ShouldBe("Kỳ báo cáo: từ ngày 01/03/2026 đến ngày 31/03/2026 – Số liệu tạm tính đến 10:00 10/03/2026");
    }
}
