using System.Net;
using System.Net.Http.Headers;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Security;

/// <summary>Issue 13, findings 6, 9, 10 and 11 on the shared host: pool size, Host header, dashboard 413, metrics, caching.</summary>
public sealed class HardeningTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task the_sign_in_redirect_never_carries_the_clients_host()
    {
        using var forms = DashboardForms.For(App.Host);

        var response = await forms.GetAsync("/units", request => request.Headers.Host = "evil.example");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/signin?returnUrl=");
        response.Headers.Location.OriginalString.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task a_dashboard_post_over_one_mebibyte_is_413_with_the_error_page()
    {
        using var forms = DashboardForms.For(App.Host);

        var response = await forms.PostFormAsync("/signin", new() { ["key"] = new string('a', 1024 * 1024 + 1) });

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"error-message\"");
    }

    [Fact]
    public async Task metrics_need_an_admin_key()
    {
        (await GetAnonymousAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await GetAsync("/metrics", SupervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await GetAsync("/metrics", AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>
    /// Out of process: Npgsql's meter is process-wide, and in this test process the tests' own connections (named by
    /// their connection strings) would show in the in-process host's metrics.
    /// </summary>
    [Fact]
    public async Task metrics_do_not_show_the_connection_string()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("metrics_labels");
        await using var tracker = await TrackerProcess.StartAsync(connectionString, TrackerProcess.FreePort(),
            new Dictionary<string, string> { ["Metrics:Anonymous"] = "true" });
        using var http = new HttpClient { BaseAddress = new Uri(tracker.Url) };
        (await http.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var database = new NpgsqlConnectionStringBuilder(connectionString);

        var text = await http.GetStringAsync("/metrics");

        text.ShouldContain("db_client_connection", customMessage: "the pool's metrics are exported");
        text.ShouldNotContain($"Database={database.Database}", Case.Insensitive);
        text.ShouldNotContain($"Username={database.Username}", Case.Insensitive);
        text.ShouldNotContain($"Host={database.Host}", Case.Insensitive);
    }

    [Theory]
    [InlineData("/api/dossiers/late")]
    [InlineData("/api/dossiers/late?format=csv")]
    [InlineData("/api/reports/monthly?month=2022-08&format=xlsx")]
    [InlineData("/api/units")]
    public async Task authenticated_api_answers_are_not_stored_by_caches(string path)
    {
        var response = await GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.CacheControl.ShouldBe(new CacheControlHeaderValue { NoStore = true });
    }

    [Fact]
    public void the_connection_pool_stays_below_the_servers_connection_limit()
    {
        var source = App.Host.Services.GetRequiredService<NpgsqlDataSource>();

        new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize.ShouldBe(40);
    }
}
