using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// Base of the browser tests: each test has its own browser profile (so sessions never leak between tests), helpers
/// to sign in and to save a screenshot of the page under <c>artifacts/screenshots/</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Browser")]
public abstract class BrowserScenario(DashboardFixture dashboard) : IAsyncLifetime
{
    public static readonly string ScreenshotDirectory = Repository.Path("artifacts", "screenshots");

    protected DashboardFixture Dashboard { get; } = dashboard;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Browser window size; phone-layout tests override it.</summary>
    protected virtual (int Width, int Height) Viewport => (1366, 768);

    public async Task InitializeAsync()
    {
        Context = await Dashboard.NewContextAsync(Viewport.Width, Viewport.Height);
        Page = await Context.NewPageAsync();
    }

    public async Task DisposeAsync() => await Context.CloseAsync();

    /// <summary>Starts as the province supervisor, with the session the fixture opened once (quicker than the form).</summary>
    protected async Task<IResponse?> SignedInAsync(string path)
    {
        await Context.AddCookiesAsync(Dashboard.SupervisorSession);
        return await Page.GotoAsync(path);
    }

    /// <summary>Signs in with a key (the form under "Đăng nhập bằng khóa API") and waits for the page it leads to.</summary>
    protected async Task SignInAsync(string? key = null)
    {
        if (!Page.Url.Contains("/signin", StringComparison.Ordinal)) await Page.GotoAsync("/signin");
        // The key form is folded away, except when the page answers a failed key sign-in.
        if (await Page.Locator("details.key-signin").GetAttributeAsync("open") is null) await Page.ClickAsync("details.key-signin > summary");
        await Page.FillAsync("#key", key ?? Dashboard.SupervisorKey);
        await Page.ClickAsync(".key-signin-form button[type=submit]");
        await SignInAnsweredAsync();
    }

    /// <summary>Signs in with a username and password and waits for the page it leads to (which may ask for a code).</summary>
    protected async Task SignInWithPasswordAsync(string username, string password)
    {
        if (!Page.Url.Contains("/signin", StringComparison.Ordinal)) await Page.GotoAsync("/signin");
        await Page.FillAsync("#username", username);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync(".password-form button[type=submit]");
        await Page.Locator("[data-testid=scope-unit], [data-testid=signin-error], .code-form").First.WaitForAsync();
    }

    /// <summary>The page that answers the form: a signed-in page after the redirect, or the sign-in page with a message.</summary>
    private Task SignInAnsweredAsync() => Page.Locator("[data-testid=scope-unit], [data-testid=signin-error]").First.WaitForAsync();

    protected string PathAndQuery => new Uri(Page.Url).PathAndQuery;

    protected async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    protected Task<string> TextAsync(string testId) => Page.GetByTestId(testId).InnerTextAsync();
}
