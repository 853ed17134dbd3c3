using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class LateListTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task filtering_the_late_list_shows_what_the_api_lists_for_the_same_filters()
    {
        await SignedInAsync("/late");
        await Page.SelectOptionAsync("#state", "completed");
        await Page.SelectOptionAsync("#channel", "online");
        await Page.FillAsync("#from", "01/07/2022");
        await Page.FillAsync("#to", "30/09/2022");
        await Page.ClickAsync(".filters button[type=submit]");

        PathAndQuery.ShouldBe("/late?unit=000.00.00.H99&dossierCode=&state=completed&from=01%2F07%2F2022&to=30%2F09%2F2022&field=&procedure=&channel=online&sort=overdue");
        var api = await ApiTotalAsync("/api/dossiers/late?state=completed&from=2022-07-01&to=2022-09-30&channel=online");
        api.ShouldBeGreaterThan(0);
        (await TextAsync("list-total")).ShouldStartWith($"{api} ");
        (await Page.GetByTestId("dossier-list").Locator("tbody td:nth-child(5)").AllInnerTextsAsync()).ShouldAllBe(channel => channel == "Trực tuyến");
        await ScreenshotAsync("late");
    }

    [Fact]
    public async Task the_csv_for_software_holds_every_dossier_the_filters_select()
    {
        await SignedInAsync("/late?state=all");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-machine-csv").ClickAsync());
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimEnd().Split("\r\n");

        lines[0].ShouldStartWith("\uFEFFdossierCode,unitCode,unitName");
        (lines.Length - 1).ShouldBe(await ApiTotalAsync("/api/dossiers/late?state=all"));
    }

    [Fact]
    public async Task paging_moves_through_the_list_fifty_at_a_time()
    {
        await SignedInAsync("/late?state=all");
        (await Page.GetByTestId("dossier-list").Locator("tbody tr").CountAsync()).ShouldBe(50);

        await Page.ClickAsync(".pager a[rel=next]");

        PathAndQuery.ShouldBe("/late?state=all&page=2");
        (await Page.Locator(".pager").InnerTextAsync()).ShouldContain("Trang 2/");
    }

    [Fact]
    public async Task the_due_soon_list_shows_the_dossier_about_to_fall_due()
    {
        await SignedInAsync("/due-soon");

        (await Page.GetByTestId("dossier-list").Locator("tbody th").AllInnerTextsAsync()).ShouldContain(DashboardData.DueSoon);
        await ScreenshotAsync("due-soon");
    }

    [Theory]
    [InlineData("/late?from=0001-01-01"), InlineData("/late?to=31/12/9999"), InlineData("/due-soon?from=0001-01-01&to=9999-12-31")]
    public async Task a_date_filter_outside_the_supported_years_is_shown_on_the_form(string path)
    {
        var response = await SignedInAsync(path);

        response!.Status.ShouldBe(400);
        (await TextAsync("filter-errors")).ShouldContain("ngày không hợp lệ");
        (await Page.GetByTestId("dossier-list").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_csv_download_with_a_date_outside_the_supported_years_shows_a_plain_error()
    {
        var response = await SignedInAsync("/late/csv?from=0001-01-01");

        response!.Status.ShouldBe(400);
        (await Page.ContentAsync()).ShouldContain("Tham số trên địa chỉ trang không hợp lệ");
    }

    private async Task<int> ApiTotalAsync(string url)
    {
        using var api = Dashboard.Api(Dashboard.SupervisorKey);
        return (await api.GetFromJsonAsync<JsonObject>(url))!["total"]!.GetValue<int>();
    }
}
