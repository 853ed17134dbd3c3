using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// The lists as a supervisor reads them (issue 19): names beside codes, the handler's name, overdue time in working
/// days and hours, unit and code filters, the CSV for people, and dates typed as dd/mm/yyyy under an English browser.
/// </summary>
public sealed class ListsForPeopleTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    private ILocator RowOf(IPage page, string code) => page.GetByTestId("dossier-row").Filter(new() { HasText = code });

    [Fact]
    public async Task a_late_row_shows_the_procedure_s_name_the_handler_s_name_and_working_days_and_hours()
    {
        await SignedInAsync("/late");
        var row = RowOf(Page, DashboardData.OpenOverdue);

        (await row.GetByTestId("procedure").InnerTextAsync()).ShouldBe($"Đăng ký biến động quyền sử dụng đất {TestProvince.LandTransfer}");
        (await row.GetByTestId("handler").InnerTextAsync()).ShouldBe("Phạm Văn Cường (can-bo-03)");
        // Due Friday 4 November 17:00; now Tuesday 15 November 10:00: six full working days, then 07:00–10:00.
        (await row.GetByTestId("overdue").InnerTextAsync()).ShouldBe("6 ngày 3 giờ");
    }

    [Fact]
    public async Task the_dossier_page_shows_the_handler_s_name_and_the_overdue_time_in_working_days_and_hours()
    {
        await SignedInAsync($"/dossiers/{DashboardData.OpenOverdue}");

        (await TextAsync("verdict")).ShouldBe("Đang quá hạn 6 ngày 3 giờ làm việc.");
        (await TextAsync("handler")).ShouldBe("Phạm Văn Cường can-bo-03");
        (await TextAsync("overdue")).ShouldBe("6 ngày 3 giờ");
        (await TextAsync("events")).ShouldContain("Họ tên cán bộ xử lý: Phạm Văn Cường");
    }

    [Fact]
    public async Task the_unit_filter_and_the_code_search_narrow_the_list_and_stay_in_its_links()
    {
        await SignedInAsync("/late?state=all");
        await Page.SelectOptionAsync("#unit", TestProvince.DistrictA);
        await Page.FillAsync("#dossierCode", "221101");
        await Page.ClickAsync(".filters button[type=submit]");

        (await Page.GetByTestId("dossier-row").Locator("th").AllInnerTextsAsync()).ShouldBe([DashboardData.OpenOverdue]);
        PathAndQuery.ShouldContain($"unit={TestProvince.DistrictA}");
        ((await Page.GetByTestId("download-csv").GetAttributeAsync("href")) ?? "").ShouldContain("dossierCode=221101");
    }

    [Fact]
    public async Task the_csv_download_is_for_people_with_every_dossier_the_filters_select()
    {
        await SignedInAsync("/late?state=all");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-csv").ClickAsync());
        var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimEnd().Split("\r\n");

        lines[0].ShouldStartWith("\uFEFFSTT,Mã hồ sơ,Đơn vị,");
        (lines.Length - 1).ShouldBe(await ApiTotalAsync("/api/dossiers/late?state=all"));
        lines.ShouldContain(l => l.Contains(DashboardData.OpenOverdue) && l.Contains(",6 ngày 3 giờ,Phạm Văn Cường (can-bo-03),"));
    }

    [Fact]
    public async Task dates_are_typed_and_shown_as_dd_mm_yyyy_in_an_english_browser()
    {
        var page = await EnglishPageAsync();
        await page.GotoAsync("/late?state=completed");
        await page.FillAsync("#from", "01/07/2022");
        await page.FillAsync("#to", "30/09/2022");
        await page.ClickAsync(".filters button[type=submit]");

        (await page.GetAttributeAsync("#from", "type")).ShouldBe("text");
        (await page.InputValueAsync("#from")).ShouldBe("01/07/2022");
        (await page.InputValueAsync("#to")).ShouldBe("30/09/2022");
        var api = await ApiTotalAsync("/api/dossiers/late?state=completed&from=2022-07-01&to=2022-09-30");
        api.ShouldBeGreaterThan(0);
        (await page.GetByTestId("list-total").InnerTextAsync()).ShouldStartWith($"{api} ");
    }

    [Fact]
    public async Task a_range_that_ends_before_it_starts_is_an_error_on_the_form_in_an_english_browser()
    {
        var page = await EnglishPageAsync();
        await page.GotoAsync("/due-soon");
        await page.FillAsync("#from", "30/09/2022");
        await page.FillAsync("#to", "01/07/2022");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(".filters button[type=submit]"), r => r.Url.Contains("to=01"));

        response.Status.ShouldBe(400);
        (await page.GetByTestId("filter-errors").InnerTextAsync()).ShouldContain("Đến ngày không được trước Từ ngày.");
        (await page.GetAttributeAsync("#to", "aria-invalid")).ShouldBe("true");
        (await page.InputValueAsync("#from")).ShouldBe("30/09/2022");
        (await page.IsVisibleAsync(".filters button[type=submit]")).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "due-soon-range-error-en-US.png"), FullPage = true });
    }

    [Fact]
    public async Task a_date_that_does_not_exist_is_an_error_on_the_form_with_what_was_typed()
    {
        await SignedInAsync("/late");
        await Page.FillAsync("#from", "31/02/2022");
        await Page.ClickAsync(".filters button[type=submit]");

        (await TextAsync("filter-errors")).ShouldContain("Từ ngày: ngày không hợp lệ");
        (await Page.InputValueAsync("#from")).ShouldBe("31/02/2022");
    }

    /// <summary>A signed-in page of a browser whose locale is American English (its date inputs would be mm/dd/yyyy).</summary>
    private async Task<IPage> EnglishPageAsync()
    {
        var english = await Dashboard.Browser.NewContextAsync(new() { BaseURL = Dashboard.BaseUrl, Locale = "en-US" });
        await english.AddCookiesAsync(Dashboard.SupervisorSession);
        return await english.NewPageAsync();
    }

    private async Task<int> ApiTotalAsync(string url)
    {
        using var api = Dashboard.Api(Dashboard.SupervisorKey);
        return (await api.GetFromJsonAsync<JsonObject>(url))!["total"]!.GetValue<int>();
    }
}
