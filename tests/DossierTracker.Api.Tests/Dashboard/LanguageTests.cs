namespace DossierTracker.Api.Tests.Dashboard;

public sealed class LanguageTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task pages_are_vietnamese_by_default_and_english_after_the_switch()
    {
        await SignedInAsync($"/?month={DashboardData.BusyMonth}");
        (await Page.GetAttributeAsync("html", "lang")).ShouldBe("vi");
        (await Page.Locator(".main-nav").InnerTextAsync()).ShouldContain("Tổng quan");

        await Page.ClickAsync("form[action$='/language'] button");

        PathAndQuery.ShouldBe($"/?month={DashboardData.BusyMonth}");
        (await Page.GetAttributeAsync("html", "lang")).ShouldBe("en");
        (await Page.Locator(".main-nav").InnerTextAsync()).ShouldContain("Overview");
        (await TextAsync("on-time-rate")).ShouldMatch(@"\d+\.\d%");
        await ScreenshotAsync("overview-en");

        await Page.ClickAsync("form[action$='/language'] button");
        (await Page.GetAttributeAsync("html", "lang")).ShouldBe("vi");
    }
}
