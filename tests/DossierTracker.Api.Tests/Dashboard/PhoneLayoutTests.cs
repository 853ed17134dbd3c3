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
    public async Task the_sign_in_page_fits_a_phone_screen()
    {
        await Page.GotoAsync("/signin");

        (await Page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync("signin-phone");
    }
}
