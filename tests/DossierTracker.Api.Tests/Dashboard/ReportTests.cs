using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class ReportTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task the_report_page_shows_form_06_with_its_three_header_rows_and_column_numbers()
    {
        await SignedInAsync($"/report?month={DashboardData.BusyMonth}");
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
        await SignedInAsync($"/report?month={DashboardData.BusyMonth}");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-xlsx").ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);

        download.SuggestedFilename.ShouldBe($"bieu-06-000.00.00.H99-{DashboardData.BusyMonth}.xlsx");
        bytes.Take(2).ShouldBe("PK"u8.ToArray());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        workbook.WorkbookPart!.Workbook.Descendants<Sheet>().Select(sheet => sheet.Name!.Value).ShouldBe(["Biểu 06", "Chỉ tiêu bổ sung"]);
    }

    [Fact]
    public async Task the_csv_download_is_the_apis_csv()
    {
        await SignedInAsync($"/report?month={DashboardData.BusyMonth}");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("download-csv").ClickAsync());

        using var api = Dashboard.Api(Dashboard.SupervisorKey);
        var fromApi = await api.GetByteArrayAsync($"/api/reports/monthly?month={DashboardData.BusyMonth}&format=csv");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(fromApi);
    }
}
