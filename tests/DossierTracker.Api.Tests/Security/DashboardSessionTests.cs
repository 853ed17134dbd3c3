using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Security;

/// <summary>The dashboard's cookie keys live in the database: a session outlives a restart and works on any instance.</summary>
[Collection(TrackerCollection.Name)]
public sealed partial class DashboardSessionTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task a_dashboard_session_survives_a_restart_of_the_service()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("dashboard_session");
        string sessionCookie;
        await using (var first = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System))
        {
            var registry = first.Services.GetRequiredService<ApiKeyRegistry>();
            var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
            var key = await registry.CreateAsync(Roles.Supervisor, TestProvince.Province, "supervisor", TestAudit.Setup, CancellationToken.None);
            using var client = first.Server.CreateClient();
            using var units = new HttpRequestMessage(HttpMethod.Put, "/api/units") { Content = JsonContent.Create(TestProvince.Units) };
            units.Headers.Authorization = new("Bearer", admin);
            (await client.SendAsync(units)).EnsureSuccessStatusCode();
            var form = await client.GetAsync("/signin");
            var html = await form.Content.ReadAsStringAsync();
            var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/signin?handler=Key")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["key"] = key, ["returnUrl"] = "/", ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value,
                }),
            };
            signIn.Headers.Add("Cookie", antiforgeryCookie);
            var signedIn = await client.SendAsync(signIn);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
            sessionCookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        }

        await using var second = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System);
        using var again = second.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/units");
        request.Headers.Add("Cookie", sessionCookie);

        var response = await again.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's session cookie");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("select count(*) from tracker.mt_doc_dataprotectionkey", connection);
        ((long)(await keys.ExecuteScalarAsync())!).ShouldBeGreaterThan(0, "the key ring is kept in the database, not on one machine's disk");
    }
}
