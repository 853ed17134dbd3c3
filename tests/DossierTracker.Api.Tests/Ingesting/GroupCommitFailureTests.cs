using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Dossiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// A commit's writes go in one batch that also commits (<see cref="CommitWrites"/>). When PostgreSQL refuses one of its
/// statements part-way (here a check constraint on the read model, written after the events and the ledger), the
/// transaction is left open and must be rolled back whole: nothing of the group stored, the connection fit for the next
/// commit, and group commit then stores the good requests alone.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class GroupCommitFailureTests : IAsyncLifetime
{
    /// <summary>Dossiers whose read-model row PostgreSQL refuses.</summary>
    private const string Refused = "BOOM";

    private IAlbaHost _host = null!;
    private string _connectionString = "";
    private string _unpooled = "";
    private string _ingestKey = "";

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("group_commit_failure");
        // Each test drops and creates the database again: a pooled connection would be one the drop terminated.
        _unpooled = new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString;
        // One writer, so concurrent posts queue up and share commits.
        _host = await TrackerApp.StartHostAsync(_connectionString, new FakeTimeProvider(TrackerApp.DefaultNow),
            settings: new Dictionary<string, string> { ["Ingesting:Writers"] = "1" });
        var registry = _host.Services.GetRequiredService<ApiKeyRegistry>();
        var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        _ingestKey = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "one-stop", TestAudit.Setup, CancellationToken.None);
        using var client = Client(admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        await ExecuteAsync($"alter table tracker.dossiers add constraint refuse_boom check (code not like '{Refused}%')");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_group_refused_part_way_stores_nothing_and_leaves_its_connection_fit_for_the_next()
    {
        var ingestor = _host.Services.GetRequiredService<EventIngestor>();
        IngestionRequest Request(string code) => new(
            [EventParser.Parse(JsonDocument.Parse(JsonSerializer.Serialize(Received(code))).RootElement).Submission!], new Submitter(null, EventSources.OneStop));

        await Should.ThrowAsync<PostgresException>(() => ingestor.CommitAsync([Request("F-1"), Request($"{Refused}-1"), Request("F-2")], CancellationToken.None));
        (await StoredCodesAsync()).ShouldBeEmpty();

        // The pool hands the same connection out again: its transaction must be gone, not left open or aborted.
        foreach (var i in Enumerable.Range(3, 5)) await ingestor.CommitAsync([Request($"F-{i}")], CancellationToken.None);
        (await StoredCodesAsync()).ShouldBe(Enumerable.Range(3, 5).Select(i => $"F-{i} 4"));
    }

    [Fact]
    public async Task concurrent_posts_beside_refused_ones_are_all_stored_and_the_refused_ones_not_at_all()
    {
        var good = Enumerable.Range(0, 30).Select(i => $"P-{i:00}").ToList();
        var refused = Enumerable.Range(0, 3).Select(i => $"{Refused}-P{i}").ToList();
        using var client = Client(_ingestKey);
        var answers = await Task.WhenAll(good.Concat(refused).OrderBy(_ => Random.Shared.Next()).Select(async code =>
        {
            using var response = await client.PostAsJsonAsync("/api/events", Received(code));
            return (Code: code, Status: (int)response.StatusCode);
        }));

        answers.Where(a => good.Contains(a.Code)).ShouldAllBe(a => a.Status == 201);
        answers.Where(a => refused.Contains(a.Code)).ShouldAllBe(a => a.Status >= 500);
        (await StoredCodesAsync()).ShouldBe(good.Select(code => $"{code} 4"));
    }

    /// <summary>
    /// Each stored dossier with how many of its four parts are stored (stream, events, ledger entries, read-model row):
    /// fewer than four is half-stored.
    /// </summary>
    private async Task<List<string>> StoredCodesAsync()
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select code || ' ' || count(*) from (
              select id as code from tracker.mt_streams where id not like '$%'
              union all select distinct stream_id from tracker.mt_events where stream_id not like '$%'
              union all select distinct dossier_code from tracker.ingested_events
              union all select code from tracker.dossiers) parts
            group by code order by code
            """, connection);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) codes.Add(reader.GetString(0));
        return codes;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private HttpClient Client(string key)
    {
        var client = _host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    private static Dictionary<string, object?> Received(string code) => new()
    {
        ["eventId"] = $"{code}-received", ["type"] = "received", ["dossierCode"] = code, ["occurredAt"] = "2022-08-01T09:15:00+07:00",
        ["unitCode"] = TestProvince.Justice, ["procedureCode"] = TestProvince.BirthRegistration, ["channel"] = "online",
    };
}
