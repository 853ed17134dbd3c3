namespace DossierTracker.Api.Tests.Dashboard;

public sealed class PeriodPickerTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task a_quarter_with_the_official_cutoff_runs_from_the_15th_before_it_to_the_14th_of_its_last_month()
    {
        await SignedInAsync("/report");
        await Page.CheckAsync("#kind-quarter");
        await Page.FillAsync("#year", "2022");
        await Page.SelectOptionAsync("#quarter", "3");
        await Page.CheckAsync("#cutoff-official");
        await Page.ClickAsync(".report-options button[type=submit]");

        PathAndQuery.ShouldBe("/report?period=2022-Q3&cutoff=official");
        (await TextAsync("report-period")).ShouldBe("Kỳ báo cáo: từ ngày 15/06/2022 đến ngày 14/09/2022");
        (await Page.IsCheckedAsync("#kind-quarter")).ShouldBeTrue();
        (await Page.InputValueAsync("#quarter")).ShouldBe("3");
        await ScreenshotAsync("report-official-quarter");
    }

    [Fact]
    public async Task only_the_fields_of_the_chosen_kind_of_period_are_shown()
    {
        await SignedInAsync("/report");
        await Page.CheckAsync("#kind-custom");

        (await Page.IsVisibleAsync("#from")).ShouldBeTrue();
        (await Page.IsVisibleAsync("#year")).ShouldBeFalse();
        (await Page.IsVisibleAsync("#cutoff-official")).ShouldBeFalse();
    }

    [Fact]
    public async Task custom_dates_are_typed_as_dd_mm_yyyy_whatever_the_browsers_locale()
    {
        await using var american = await Dashboard.Browser.NewContextAsync(new() { BaseURL = Dashboard.BaseUrl, Locale = "en-US" });
        await american.AddCookiesAsync(Dashboard.SupervisorSession);
        var page = await american.NewPageAsync();
        await page.GotoAsync("/report");
        await page.CheckAsync("#kind-custom");
        await page.FillAsync("#from", "01/07/2022");
        await page.FillAsync("#to", "15/08/2022");
        await page.ClickAsync(".report-options button[type=submit]");

        new Uri(page.Url).PathAndQuery.ShouldBe("/report?from=2022-07-01&to=2022-08-15");
        (await page.GetByTestId("report-period").InnerTextAsync()).ShouldBe("Kỳ báo cáo: từ ngày 01/07/2022 đến ngày 15/08/2022");
        (await page.InputValueAsync("#from")).ShouldBe("01/07/2022");
        (await page.GetAttributeAsync("#from", "type")).ShouldBe("text");
    }

    [Fact]
    public async Task a_date_that_does_not_exist_is_shown_as_an_error_in_the_page_with_what_was_typed()
    {
        await SignedInAsync("/report");
        await Page.CheckAsync("#kind-custom");
        await Page.FillAsync("#from", "31/02/2022");
        await Page.FillAsync("#to", "15/03/2022");
        var response = await Page.RunAndWaitForResponseAsync(() => Page.ClickAsync(".report-options button[type=submit]"), r => r.Url.Contains("kind=custom"));

        response.Status.ShouldBe(400);
        (await TextAsync("report-errors")).ShouldContain("Ngày phải có dạng dd/mm/yyyy");
        (await Page.GetAttributeAsync("#from", "aria-invalid")).ShouldBe("true");
        (await Page.InputValueAsync("#from")).ShouldBe("31/02/2022");
        (await Page.GetByTestId("form06").CountAsync()).ShouldBe(0);
        await ScreenshotAsync("report-period-error");
    }

    [Fact]
    public async Task a_period_that_has_not_begun_is_refused_in_the_page()
    {
        var response = await SignedInAsync("/report?period=2023");

        response!.Status.ShouldBe(422);
        (await TextAsync("report-errors")).ShouldContain("chưa bắt đầu");
    }
}
