using System.Net;
using System.Net.Http.Json;
using Alba;
using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

/// <summary>
/// Issue 13, findings 8, 9 and 10: sign-out ends a session on the server, forwarded headers are believed from trusted
/// proxies only, and the dashboard's failure page needs no static files.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class SessionAndProxyTests
{
    private const string TrustedProxy = "192.0.2.10";

    [Fact]
    public async Task a_session_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        await using var host = await StartAsync("session_sign_out");
        using var browser = DashboardForms.For(host);
        (await browser.SignInAsync(await SupervisorKeyAsync(host))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var copied = browser.Cookies[DashboardAuthentication.CookieName];

        var signedOut = await browser.PostFormAsync("/signout", []);
        using var thief = DashboardForms.For(host);
        thief.Cookies[DashboardAuthentication.CookieName] = copied;
        var response = await thief.GetAsync("/units");

        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the copied cookie names a session that has ended");
        response.Headers.Location!.OriginalString.ShouldStartWith("/signin");
    }

    [Theory]
    [InlineData(TrustedProxy, true)]
    [InlineData("192.0.2.99", false)]
    public async Task forwarded_https_marks_the_session_cookie_secure_only_from_a_trusted_proxy(string caller, bool secure)
    {
        await using var host = await StartAsync("session_proxy_" + (secure ? "trusted" : "untrusted"),
            new Dictionary<string, string> { ["ForwardedHeaders:KnownProxies:0"] = TrustedProxy });
        using var browser = DashboardForms.For(host, caller);

        var signedIn = await browser.SignInAsync(await SupervisorKeyAsync(host), request => request.Headers.Add("X-Forwarded-Proto", "https"));

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = browser.SetCookies.Single(c => c.StartsWith(DashboardAuthentication.CookieName + "=", StringComparison.Ordinal));
        session.Contains("; secure", StringComparison.OrdinalIgnoreCase).ShouldBe(secure, session);
    }

    [Fact]
    public async Task the_failure_page_renders_as_html_without_static_files()
    {
        await using var database = PostgresServer.Builder().Build();
        await database.StartAsync();
        var emptyWebRoot = Directory.CreateTempSubdirectory("no-static-files").FullName;
        await using var host = await TrackerApp.StartHostAsync(
            new Npgsql.NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Timeout = 3 }.ConnectionString, TimeProvider.System,
            settings: new Dictionary<string, string> { [WebHostDefaults.WebRootKey] = emptyWebRoot });
        var key = await host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Supervisor, TestProvince.Province, "s", TestAudit.Setup, CancellationToken.None);
        using var browser = DashboardForms.For(host);
        (await browser.GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await database.StopAsync();
        var response = await browser.PostFormAsync("/signin?handler=Key", new() { ["key"] = key, ["returnUrl"] = "/" });

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Something went wrong");
    }

    private static async Task<IAlbaHost> StartAsync(string database, Dictionary<string, string>? settings = null) =>
        await TrackerApp.StartHostAsync(await PostgresServer.CreateDatabaseAsync(database), TimeProvider.System, settings: settings);

    /// <summary>A supervisor key on a host whose organisation tree is loaded.</summary>
    private static async Task<string> SupervisorKeyAsync(IAlbaHost host)
    {
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        return await registry.CreateAsync(Roles.Supervisor, TestProvince.Province, "supervisor", TestAudit.Setup, CancellationToken.None);
    }
}
