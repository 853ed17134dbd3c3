using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class ReportComparisonTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task the_comparison_shows_each_key_figure_beside_the_earlier_period_with_its_change()
    {
        await SignedInAsync("/report?period=2022-Q3&compare=previous");
        var total = Page.GetByTestId("comparison").Locator("tbody tr:last-child td");

        (await Page.Locator("#comparison-heading").InnerTextAsync()).ShouldBe("So sánh với kỳ trước liền kề: từ ngày 01/04/2022 đến ngày 30/06/2022");
        // Received (3): this period, the quarter before, the change.
        var (now, then, change) = (Count(await total.Nth(1).InnerTextAsync()), Count(await total.Nth(2).InnerTextAsync()), await total.Nth(3).InnerTextAsync());
        now.ShouldBe(Count(await Page.GetByTestId("form06").Locator("tbody tr:last-child td").Nth(1).InnerTextAsync()));
        change.ShouldStartWith(now > then ? "▲" : now < then ? "▼" : "=");
        if (now != then) change.ShouldContain(Math.Abs(now - then).ToString("N0", Vietnamese));
        // The on-time rate changes by percentage points.
        (await total.Nth(15).InnerTextAsync()).ShouldMatch(@"^(=|[▲▼]\s*\S*\s*\d+,\d điểm %)");
        await ScreenshotAsync("report-comparison");
    }

    [Fact]
    public async Task a_figure_opens_the_dossiers_behind_it()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var figure = Page.GetByTestId("form06").Locator("tbody tr:last-child a[data-column=resolvedLate]");
        var count = await figure.InnerTextAsync();
        await figure.ClickAsync();

        PathAndQuery.ShouldBe($"/report/dossiers?period={DashboardData.BusyMonth}&column=resolvedLate");
        (await TextAsync("drilldown-column")).ShouldBe("Giải quyết quá hạn (10)");
        (await TextAsync("drilldown-row")).ShouldBe("TỔNG CỘNG");
        (await TextAsync("list-total")).ShouldBe($"{count} hồ sơ");
        (await ListedAsync()).ShouldBe(Math.Min(Count(count), 50));
        await ScreenshotAsync("report-dossiers");
    }

    [Fact]
    public async Task a_figures_dossiers_are_listed_fifty_a_page_and_downloaded_whole()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var figure = Page.GetByTestId("form06").Locator("tbody tr:last-child a[data-column=received]");
        var count = Count(await figure.InnerTextAsync());
        count.ShouldBeGreaterThan(50);
        await figure.ClickAsync();

        (await ListedAsync()).ShouldBe(50);
        var pages = (count + 49) / 50;
        await Page.GotoAsync($"{PathAndQuery}&page={pages}");
        (await Page.Locator(".pager").InnerTextAsync()).ShouldContain($"Trang {pages}/{pages}");
        (await ListedAsync()).ShouldBe(count - (pages - 1) * 50);

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-csv").ClickAsync());
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimEnd().Split("\r\n");
        lines[0].ShouldStartWith("\uFEFFdossierCode,unitCode,unitName");
        (lines.Length - 1).ShouldBe(count);
        download.SuggestedFilename.ShouldEndWith("-received.csv");
    }

    [Theory]
    [InlineData("page=0"), InlineData("page=x"), InlineData("handler=csv&column=nothing")]
    public async Task a_drilldown_with_a_bad_parameter_is_refused(string parameter)
    {
        var response = await SignedInAsync($"/report/dossiers?period={DashboardData.BusyMonth}&column=received&{parameter}");
        response!.Status.ShouldBe(400);
    }

    [Fact]
    public async Task a_units_figure_opens_that_units_own_dossiers()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var row = Page.GetByTestId("form06").Locator("tbody tr", new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = "Sở Tư pháp", Exact = true }) });
        var count = await row.Locator("a[data-column=received]").InnerTextAsync();
        await row.Locator("a[data-column=received]").ClickAsync();

        PathAndQuery.ShouldContain("column=received&rowUnit=");
        (await TextAsync("drilldown-row")).ShouldBe("Sở Tư pháp");
        (await TextAsync("list-total")).ShouldBe($"{count} hồ sơ");
        (await ListedAsync()).ShouldBe(Math.Min(Count(count), 50));
    }

    [Fact]
    public async Task a_subtotals_figure_opens_the_dossiers_of_the_units_of_its_level()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var row = Page.GetByTestId("form06").Locator("tbody tr", new() { HasText = "Cộng cấp xã" });
        var count = await row.Locator("a[data-column=received]").InnerTextAsync();
        await row.Locator("a[data-column=received]").ClickAsync();

        PathAndQuery.ShouldBe($"/report/dossiers?period={DashboardData.BusyMonth}&column=received&level=commune");
        (await TextAsync("drilldown-row")).ShouldBe("Cộng cấp xã");
        (await TextAsync("list-total")).ShouldBe($"{count} hồ sơ");
        (await ListedAsync()).ShouldBe(Math.Min(Count(count), 50));
    }

    [Fact]
    public async Task a_figure_of_the_row_without_a_field_opens_the_dossiers_of_procedures_without_one()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}&rows=field");
        var figure = Page.GetByTestId("form06").Locator("tbody tr:first-child a[data-column=received]");
        var count = await figure.InnerTextAsync();
        await figure.ClickAsync();

        PathAndQuery.ShouldBe($"/report/dossiers?period={DashboardData.BusyMonth}&column=received&field=none");
        (await TextAsync("drilldown-row")).ShouldBe("Chưa xác định lĩnh vực");
        (await TextAsync("list-total")).ShouldBe($"{count} hồ sơ");
        (await ListedAsync()).ShouldBe(Math.Min(Count(count), 50));
    }

    /// <summary>How many dossiers the drill-down page lists (none: the list is not shown).</summary>
    private Task<int> ListedAsync() => Page.GetByTestId("dossier-list").Locator("tbody tr").CountAsync();

    private static int Count(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, Vietnamese);
}
