using System.Net;
using DossierTracker.Api.Dashboard.Text;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class DossierPageTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task a_late_list_row_opens_the_dossier_and_shows_why_it_is_late()
    {
        await SignedInAsync("/late?state=completed&from=2022-10-13&to=2022-10-13");
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = DashboardData.LateAfterPause }).ClickAsync();

        PathAndQuery.ShouldBe($"/dossiers/{DashboardData.LateAfterPause}");
        (await TextAsync("verdict")).ShouldBe("Giải quyết quá hạn: có kết quả sau hạn xử lý hiện hành 2 ngày 6 giờ làm việc.");
        var facts = await TextAsync("facts");
        facts.ShouldContain("06/10/2022 09:00");
        facts.ShouldContain("10/10/2022 17:00");
        facts.ShouldContain("lùi 2 ngày 6 giờ làm việc so với hạn ban đầu");
        (await Page.GetByTestId("pauses").Locator("tbody tr").CountAsync()).ShouldBe(1);
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("14/10/2022 17:00");
        await ScreenshotAsync("dossier");
    }

    [Fact]
    public async Task the_time_line_shades_non_working_time_and_marks_pauses_due_times_and_events()
    {
        await SignedInAsync($"/dossiers/{DashboardData.LateAfterPause}");
        var chart = Page.GetByTestId("timeline-chart");

        (await chart.Locator(".tl-non-working").CountAsync()).ShouldBeGreaterThan(10);
        (await chart.Locator(".tl-pause").CountAsync()).ShouldBe(1);
        (await chart.Locator(".tl-mark text").AllTextContentsAsync()).ShouldBe(["Hạn ban đầu", "Hạn hiện hành", "Ngày hẹn trả mới"]);
        (await chart.Locator(".tl-event").CountAsync()).ShouldBe(7);
    }

    [Fact]
    public async Task the_apology_a_one_stop_system_sends_before_the_due_time_is_not_called_overdue()
    {
        await SignedInAsync($"/dossiers/{DashboardData.LateAfterPause}");

        (await Page.GetByTestId("events").Locator("tbody th").AllInnerTextsAsync())
            .ShouldBe(["Tiếp nhận", "Chuyển xử lý", "Tạm dừng", "Tiếp tục xử lý", "Xin lỗi, hẹn lại ngày trả", "Đã giải quyết xong", "Trả kết quả"]);
    }

    [Fact]
    public async Task a_dossier_outside_the_users_scope_is_not_found()
    {
        await SignInAsync(Dashboard.DistrictSupervisorKey);
        var response = await Page.GotoAsync($"/dossiers/{DashboardData.LateAfterPause}");

        response!.Status.ShouldBe((int)HttpStatusCode.NotFound);
        (await TextAsync("error-message")).ShouldBe(DashboardText.Vietnamese.Format(DashboardText.Vietnamese.ErrorDossierNotFoundFormat, DashboardData.LateAfterPause));
    }
}
