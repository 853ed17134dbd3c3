using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// One tracker with the dashboard's data and one headless Debian Chromium, shared by every browser test. The data
/// goes in through the real API (reference data with an admin key, events in batches with an ingest key).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's browser: the builds Playwright would download are not reachable from CI.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private DashboardServer? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string SupervisorKey { get; private set; } = "";
    public string AdminKey { get; private set; } = "";
    public string IngestKey { get; private set; } = "";
    public string DistrictSupervisorKey { get; private set; } = "";
    /// <summary>The cookies of one supervisor sign-in, for tests that start signed in without going through the form.</summary>
    public IReadOnlyList<Cookie> SupervisorSession { get; private set; } = [];

    public ApiKeyRegistry Keys => _server!.Services.GetRequiredService<ApiKeyRegistry>();
    public AccountAdministration Accounts => _server!.Services.GetRequiredService<AccountAdministration>();

    public async Task InitializeAsync()
    {
        var browser = LaunchBrowserAsync();
        var connectionString = await PostgresServer.CreateDatabaseAsync("dashboard_tests");
        _server = new DashboardServer(connectionString, new FakeTimeProvider(DashboardData.Now));
        BaseUrl = await Task.Run(_server.Start);

        AdminKey = await Keys.CreateAsync(Roles.Admin, TestProvince.Province, "test admin", TestAudit.Setup, CancellationToken.None);
        IngestKey = await Keys.CreateAsync(Roles.Ingest, TestProvince.Province, "test one-stop", TestAudit.Setup, CancellationToken.None);
        SupervisorKey = await Keys.CreateAsync(Roles.Supervisor, TestProvince.Province, "Sở Nội vụ – giám sát", TestAudit.Setup, CancellationToken.None);
        DistrictSupervisorKey = await Keys.CreateAsync(Roles.Supervisor, TestProvince.DistrictA, "Huyện Cao Phong – giám sát", TestAudit.Setup, CancellationToken.None);
        await LoadDataAsync();
        Browser = await browser;
        SupervisorSession = await SignInOnceAsync(SupervisorKey);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>A fresh browser profile (no cookies) at office-PC size unless told otherwise.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1366, int height = 768) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            AcceptDownloads = true,
        });

    /// <summary>An HTTP client for the API, with a key.</summary>
    public HttpClient Api(string key) => new()
    {
        BaseAddress = new Uri(BaseUrl),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ops/test, which installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task<IReadOnlyList<Cookie>> SignInOnceAsync(string key)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.ClickAsync("details.key-signin > summary");
        await page.FillAsync("#key", key);
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync(".key-signin-form button[type=submit]"), r => r.Url == BaseUrl + "/");
        return (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();
    }

    private async Task LoadDataAsync()
    {
        using var admin = Api(AdminKey);
        (await admin.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/units", DashboardData.CeasedUnits)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();

        using var ingest = Api(IngestKey);
        foreach (var batch in DashboardData.Events().Chunk(1000))
        {
            var response = await ingest.PostAsJsonAsync("/api/events/batch", new { events = batch });
            response.EnsureSuccessStatusCode();
            var rejected = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray()
                .Where(r => r!["status"]!.GetValue<string>() == "rejected").ToList();
            if (rejected.Count > 0) throw new InvalidOperationException($"Rejected events: {string.Join("; ", rejected)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
