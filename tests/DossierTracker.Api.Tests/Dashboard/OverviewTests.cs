using System.Globalization;
using System.Text.RegularExpressions;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed partial class OverviewTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task the_overview_of_a_chosen_month_shows_its_figures_trend_and_ranking()
    {
        await SignedInAsync("/");
        await Page.FillAsync("#month", DashboardData.BusyMonth);
        await Page.ClickAsync(".month-picker button");

        PathAndQuery.ShouldBe($"/?month={DashboardData.BusyMonth}");
        (await TextAsync("on-time-rate")).ShouldMatch(@"\d+,\d%");
        (await Page.Locator("#trend-title").TextContentAsync()).ShouldBe("Diễn biến 12 tháng");
        (await Page.GetByTestId("trend-table").Locator("tbody tr").CountAsync()).ShouldBe(12);
        await ScreenshotAsync("overview");
    }

    [Fact]
    public async Task units_without_dossiers_are_listed_after_the_label_without_a_stray_full_stop()
    {
        await SignedInAsync("/?month=2022-01");

        var line = Regex.Replace(await Page.GetByTestId("units-without-dossiers").InnerTextAsync(), @"\s+", " ").Trim();
        line.ShouldStartWith("Không có hồ sơ trong tháng: Sở Tư pháp");
        line.ShouldNotContain(": .");
        line.ShouldEndWith(".");
    }

    [Fact]
    public async Task the_ranking_puts_the_lowest_on_time_rate_first()
    {
        await SignedInAsync($"/?month={DashboardData.BusyMonth}");

        var rates = (await Page.GetByTestId("ranking").Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync())
            .Where(text => text != "—").Select(Percent).ToList();
        rates.Count.ShouldBeGreaterThan(1);
        rates.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task drilling_into_a_unit_scopes_the_overview_and_every_page_to_it()
    {
        await SignedInAsync($"/?month={DashboardData.BusyMonth}");
        await Page.GetByTestId("ranking").GetByRole(AriaRole.Link, new() { Name = "Huyện Cao Phong", Exact = true }).ClickAsync();

        PathAndQuery.ShouldBe($"/?unit={TestProvince.DistrictA}&month={DashboardData.BusyMonth}");
        (await TextAsync("viewing-unit")).ShouldBe($"Huyện Cao Phong ({TestProvince.DistrictA})");
        (await Page.GetByTestId("ranking").Locator("tbody th a").AllInnerTextsAsync()).ShouldBe(["Xã Bắc Phong"]);
        await ScreenshotAsync("overview-unit");

        foreach (var href in await Page.Locator(".main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            href.ShouldContain($"unit={TestProvince.DistrictA}");
    }

    [Fact]
    public async Task a_units_late_count_opens_the_list_of_its_dossiers_completed_late_that_month()
    {
        await SignedInAsync($"/?month={DashboardData.BusyMonth}");
        var late = Page.GetByTestId("unit-late").First;
        var count = await late.InnerTextAsync();
        await late.ClickAsync();

        PathAndQuery.ShouldContain("state=completed&from=2022-08-01&to=2022-08-31");
        (await TextAsync("list-total")).ShouldStartWith(count + " ");
    }

    [Fact]
    public async Task the_overdue_now_figure_opens_the_open_late_list_with_as_many_dossiers()
    {
        await SignedInAsync("/");
        var overdue = await Page.GetByTestId("overdue-now").Locator(".card__value").InnerTextAsync();
        await Page.GetByTestId("overdue-now").ClickAsync();

        PathAndQuery.ShouldBe("/late");
        (await TextAsync("list-total")).ShouldStartWith(overdue + " ");
    }

    [Fact]
    public async Task a_month_still_running_marks_the_766_card_and_the_trend_as_provisional()
    {
        await SignedInAsync("/");

        (await TextAsync("provisional-766")).ShouldBe("Số liệu tạm tính đến 10:00 15/11/2022");
        (await TextAsync("provisional-trend")).ShouldBe("Tháng 11/2022: số liệu tạm tính đến 10:00 15/11/2022");
    }

    [Fact]
    public async Task an_ended_month_is_not_marked_provisional()
    {
        await SignedInAsync($"/?month={DashboardData.BusyMonth}");

        (await Page.Locator(".provisional").CountAsync()).ShouldBe(0);
    }

    private static double Percent(string text) =>
        double.Parse(PercentNumber().Match(text).Value, CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex(@"[\d,]+")]
    private static partial Regex PercentNumber();
}
