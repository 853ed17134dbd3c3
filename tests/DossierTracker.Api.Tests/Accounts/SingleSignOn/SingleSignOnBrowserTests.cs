using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Dashboard;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>Single sign-on in Debian's Chromium: the button, the provider's page, and back to the dashboard signed in.</summary>
[Trait("Category", "Browser")]
public sealed class SingleSignOnBrowserTests(SingleSignOnFixture fixture) : SingleSignOnScenario(fixture)
{
    [Fact]
    public async Task a_person_signs_in_through_the_provider_and_lands_on_the_dashboard_in_their_scope()
    {
        var user = User(Claim("role", Roles.Supervisor), Claim("unit_code", TestProvince.DistrictB));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardFixture.ChromiumPath, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Fixture.BaseUrl, Locale = "vi-VN" });

        await page.GotoAsync("/late");
        Directory.CreateDirectory(BrowserScenario.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserScenario.ScreenshotDirectory, "signin-sso.png"), FullPage = true });
        await page.GetByTestId("sso-signin").ClickAsync();
        await page.FillAsync("#username", user.Username);
        await page.ClickAsync("#provider-login button[type=submit]");
        await page.GetByTestId("scope-unit").WaitForAsync();

        (await page.GetByTestId("scope-unit").InnerTextAsync()).ShouldBe($"Huyện Đà Bắc ({TestProvince.DistrictB})");
        new Uri(page.Url).AbsolutePath.ShouldBe("/late");
    }
}
