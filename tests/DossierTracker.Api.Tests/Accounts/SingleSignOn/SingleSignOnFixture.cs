using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Dashboard;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Api.Tests.Infrastructure.Oidc;
using DossierTracker.Calendar;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>
/// The test OpenID Connect provider and a tracker configured to sign in with it, both on real loopback ports (the
/// browser and the tracker's handler talk to the provider over HTTP, as in service), the tracker with its own database
/// holding the test province. Tests use people of their own (a fresh subject each), so they share both hosts.
/// </summary>
public sealed class SingleSignOnFixture : IAsyncLifetime
{
    public const string ButtonName = "Đăng nhập qua Cổng dịch vụ công tỉnh";
    /// <summary>A Keycloak-style group path, mapped to a supervisor of the justice department.</summary>
    public const string JusticeSupervisors = "/tinh/so-tu-phap/giam-sat";

    private TrackerServer? _tracker;

    public TestOidcProvider Provider { get; } = new();
    public LogCapture Logs { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IServiceProvider Services => _tracker!.Services;

    public async Task InitializeAsync()
    {
        await Provider.StartAsync();
        ConnectionString = await PostgresServer.CreateDatabaseAsync("sso_tests");
        _tracker = new TrackerServer(ConnectionString, Logs, new Dictionary<string, string?>
        {
            [$"{SingleSignOnOptions.Section}:Authority"] = Provider.Issuer,
            [$"{SingleSignOnOptions.Section}:ClientId"] = TestOidcProvider.ClientId,
            [$"{SingleSignOnOptions.Section}:ClientSecret"] = TestOidcProvider.ClientSecret,
            [$"{SingleSignOnOptions.Section}:RequireHttpsMetadata"] = "false",
            [$"{SingleSignOnOptions.Section}:DisplayName"] = ButtonName,
            [$"{SingleSignOnOptions.Section}:GroupMappings:0:Group"] = JusticeSupervisors,
            [$"{SingleSignOnOptions.Section}:GroupMappings:0:Role"] = Roles.Supervisor,
            [$"{SingleSignOnOptions.Section}:GroupMappings:0:Unit"] = TestProvince.Justice,
            // The key flood limit is tested elsewhere; these tests never present a bad key.
            ["RateLimiting:FailedAuthenticationBurst"] = "1000000",
        });
        BaseUrl = await Task.Run(_tracker.Start);
        Provider.RedirectUri = BaseUrl + SingleSignOnOptions.CallbackPath;

        var adminKey = await Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Admin, TestProvince.Province, "test admin", TestAudit.Setup,
            CancellationToken.None);
        using var admin = new HttpClient { BaseAddress = new Uri(BaseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", adminKey) } };
        (await admin.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (_tracker is not null) await _tracker.DisposeAsync();
        await Provider.DisposeAsync();
    }

    public AccountRegistry Accounts => Services.GetRequiredService<AccountRegistry>();
    public AccountAdministration Administration => Services.GetRequiredService<AccountAdministration>();

    /// <summary>A person at the provider, known to it from now on.</summary>
    public TestOidcUser AddUser(TestOidcUser user)
    {
        Provider.Users[user.Username] = user;
        return user;
    }

    public Task<Account?> AccountOfAsync(TestOidcUser user) =>
        Accounts.LoadByExternalLoginAsync(new ExternalLogin(Provider.Issuer, user.Subject), CancellationToken.None);

    /// <summary>A browser with no cookies, following redirects (across the tracker and the provider) as a browser does.</summary>
    public SingleSignOnBrowser Browser() => new(new Uri(BaseUrl));

    /// <summary>The tracker on Kestrel at 127.0.0.1, configured like the dashboard tests' server plus single sign-on.</summary>
    private sealed class TrackerServer(string connectionString, LogCapture logs, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        public string Start()
        {
            JasperFxEnvironment.AutoStartHost = true;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(Repository.Path("src", "DossierTracker.Api"));
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            builder.UseSetting("Wolverine:Solo", "true");
            builder.UseSetting("Security:KeyCacheSeconds", "0");
            builder.UseSetting("LateDetection:Enabled", "false");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureServices(services => services.AddSingleton(new TrackerClock(TimeProvider.System)));
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnFixture>
{
    public const string Name = "single sign-on";
}
