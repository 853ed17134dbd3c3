using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class ReportTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task the_report_page_shows_form_06_with_its_three_header_rows_and_column_numbers()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var form = Page.GetByTestId("form06");

        (await form.Locator("thead tr").CountAsync()).ShouldBe(4);
        (await form.Locator("thead th[colspan='4']").AllInnerTextsAsync()).ShouldBe(["Số hồ sơ nhận giải quyết", "Số hồ sơ đã giải quyết"]);
        (await form.Locator("thead tr:last-child td").AllInnerTextsAsync()).Take(13).ShouldBe(Enumerable.Range(1, 13).Select(n => $"({n})"));
        (await form.Locator("tbody tr:last-child th").InnerTextAsync()).ShouldBe("TỔNG CỘNG");
        await ScreenshotAsync("report");
    }

    [Fact]
    public async Task the_xlsx_download_is_a_workbook_in_the_form_06_layout()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-xlsx").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        download.SuggestedFilename.ShouldBe("bieu-06-000.00.00.H99-20220801-20220831.xlsx");
        bytes.Take(2).ShouldBe("PK"u8.ToArray());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Select(sheet => sheet.Name!.Value).ShouldBe(["Biểu 06", "Chỉ tiêu bổ sung"]);
    }

    [Fact]
    public async Task the_csv_download_is_the_apis_csv()
    {
        await SignedInAsync($"/report?period={DashboardData.BusyMonth}");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-csv").ClickAsync());

        using var api = Dashboard.Api(Dashboard.SupervisorKey);
        var fromApi = await api.GetByteArrayAsync($"/api/reports/form06?period={DashboardData.BusyMonth}&format=csv");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(fromApi);
    }

    [Fact]
    public async Task a_departments_report_shows_its_own_row_once()
    {
        await SignedInAsync($"/report?unit={TestProvince.Justice}&period={DashboardData.BusyMonth}");

        (await Page.GetByTestId("form06").Locator("tbody th").AllInnerTextsAsync()).ShouldBe(["Sở Tư pháp"]);
    }

    [Fact]
    public async Task a_running_period_is_marked_provisional_as_of_now()
    {
        await SignedInAsync("/report?period=2022-Q4");

        (await TextAsync("provisional")).ShouldBe("Số liệu tạm tính đến 10:00 15/11/2022");
    }

    [Fact]
    public async Task an_ended_period_is_not_marked_provisional()
    {
        await SignedInAsync("/report?period=2022-Q3");

        (await Page.GetByTestId("provisional").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_print_stylesheet_is_linked_for_print_only_and_prints_the_filters_without_the_controls()
    {
        await SignedInAsync("/report?period=2022-Q3&cutoff=official&rows=field&compare=last-year");
        var stylesheet = Page.GetByTestId("print-stylesheet");

        (await stylesheet.GetAttributeAsync("media")).ShouldBe("print");
        (await stylesheet.GetAttributeAsync("href")).ShouldStartWith("/print.css?v=");
        (await Page.GetByTestId("printed-filters").IsVisibleAsync()).ShouldBeFalse();

        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        (await Page.GetByTestId("report-options").IsVisibleAsync()).ShouldBeFalse();
        (await TextAsync("printed-filters")).ShouldBe("Dòng báo cáo theo: Lĩnh vực. So sánh với: Cùng kỳ năm trước (từ ngày 15/06/2021 đến ngày 14/09/2021).");
        (await Page.GetByTestId("form06").Locator("thead").EvaluateAsync<string>("head => getComputedStyle(head).display")).ShouldBe("table-header-group");
        (await Page.GetByTestId("form06").Locator("tbody a").First.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine")).ShouldBe("none");
        await ScreenshotAsync("report-print");
        await Page.PdfAsync(new() { Path = Path.Combine(ScreenshotDirectory, "report-print.pdf"), PreferCSSPageSize = true });
    }
}
