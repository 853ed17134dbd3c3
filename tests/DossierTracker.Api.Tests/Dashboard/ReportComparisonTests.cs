using System.Globalization;
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
        await ScreenshotAsync("report-dossiers");
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
    }

    private static int Count(string text) => int.Parse(text.Trim(), NumberStyles.AllowThousands, Vietnamese);
}
