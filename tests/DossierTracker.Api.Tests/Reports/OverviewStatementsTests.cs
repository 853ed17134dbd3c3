using System.Net;
using System.Net.Http.Json;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Issue 17: the overview under write load. Its trend is one grouped statement for all the months shown, and every
/// other figure a count, so the statements it sends to the read model do not grow with the months (the trend used to
/// send three or four per month: 37 for twelve, 43 for the whole overview). Counted from Npgsql's log of what it sends.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class OverviewStatementsTests : IAsyncLifetime
{
    /// <summary>Form 06 of the month (four statements), the trend (one) and the two lists' counts.</summary>
    private const int OverviewStatements = 4 + 1 + 2;

    /// <summary>What <c>tracker.dossiers</c> and <c>tracker.dossier_phases</c> start with.</summary>
    private const string ReadModelTables = TrackerTables.Schema + ".dossier";

    private readonly SqlStatementLog _statements = new();
    private IAlbaHost _host = null!;
    private string _supervisorKey = "";

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("overview_statements");
        _host = await TrackerApp.StartHostAsync(connectionString, new FakeTimeProvider(TrackerApp.DefaultNow), statements: _statements);
        var registry = _host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        _supervisorKey = await registry.CreateAsync(Roles.Supervisor, TestProvince.Province, "supervisor", TestAudit.Setup, CancellationToken.None);
        using var client = _host.Server.CreateClient();
        using var units = new HttpRequestMessage(HttpMethod.Put, "/api/units") { Content = JsonContent.Create(TestProvince.Units) };
        units.Headers.Authorization = new("Bearer", admin);
        (await client.SendAsync(units)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("2026-03", "2026-03")]
    [InlineData("2025-04", "2026-03")]
    [InlineData("2016-04", "2026-03")]
    public async Task a_trend_of_any_length_is_one_statement(string from, string to)
    {
        using var client = _host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _supervisorKey);

        var sent = await _statements.ReadingAsync(ReadModelTables, async () =>
            (await client.GetAsync($"/api/reports/trend?unit={TestProvince.Province}&from={from}&to={to}")).StatusCode.ShouldBe(HttpStatusCode.OK));

        sent.Count.ShouldBe(1, string.Join("\n---\n", sent));
    }

    [Fact]
    public async Task the_overview_sends_a_few_statements_to_the_read_model_whatever_the_trend_shows()
    {
        using var browser = DashboardForms.For(_host);
        (await browser.SignInAsync(_supervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var sent = await _statements.ReadingAsync(ReadModelTables, async () =>
            (await browser.GetAsync("/?month=2026-02")).StatusCode.ShouldBe(HttpStatusCode.OK));

        sent.Count.ShouldBe(OverviewStatements, string.Join("\n---\n", sent));
    }
}
