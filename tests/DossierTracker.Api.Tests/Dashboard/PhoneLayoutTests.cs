namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>Every page at a phone's width (390×844): nothing wider than the screen; wide tables scroll in their own box.</summary>
public sealed class PhoneLayoutTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    protected override (int Width, int Height) Viewport => (390, 844);

    public static TheoryData<string, string> Pages => new()
    {
        { "overview", $"/?month={DashboardData.BusyMonth}" },
        { "units", "/units" },
        { "late", "/late?state=all" },
        { "due-soon", "/due-soon" },
        { "dossier", $"/dossiers/{DashboardData.LateAfterPause}" },
        { "report", $"/report?month={DashboardData.BusyMonth}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task the_page_fits_a_phone_screen(string name, string path)
    {
        await SignedInAsync(path);

        (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(name + "-phone");
    }

    [Fact]
    public async Task the_late_list_is_a_column_of_cards_with_the_procedure_s_name_in_view()
    {
        await SignedInAsync("/late?state=all");
        var row = Page.GetByTestId("dossier-row").Filter(new() { HasText = DashboardData.OpenOverdue });

        (await row.EvaluateAsync<string>("r => getComputedStyle(r).display")).ShouldBe("block");
        (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        (await Page.GetByTestId("dossier-list").EvaluateAsync<bool>("t => t.parentElement.scrollWidth <= t.parentElement.clientWidth")).ShouldBeTrue();
        (await row.GetByTestId("procedure").IsVisibleAsync()).ShouldBeTrue();
        (await row.InnerTextAsync()).ShouldContain("Đăng ký biến động quyền sử dụng đất");
        await ScreenshotAsync("late-cards-phone");
    }

    [Fact]
    public async Task the_sign_in_page_fits_a_phone_screen()
    {
        await Page.GotoAsync("/signin");

        (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("signin-phone");
    }
}
