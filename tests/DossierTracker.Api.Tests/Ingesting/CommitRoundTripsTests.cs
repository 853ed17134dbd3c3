using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Dossiers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>
/// Issue 17: what one commit of the write side costs PostgreSQL in round trips, counted from Npgsql's own log. A commit
/// (a group of single posts, or a batch) reads the touched dossiers in one round trip and writes everything, commit
/// included, in one more, however many events and dossiers it holds (it used to send a Marten batch with one function
/// call per stream, then a commit of its own).
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class CommitRoundTripsTests : IAsyncLifetime
{
    /// <summary>Lock and load, then write and commit.</summary>
    private const int RoundTripsPerCommit = 2;

    private readonly SqlStatementLog _log = new();
    private IAlbaHost _host = null!;
    private EventIngestor _ingestor = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("commit_round_trips");
        _host = await TrackerApp.StartHostAsync(connectionString, new FakeTimeProvider(TrackerApp.DefaultNow), statements: _log);
        var admin = await _host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
        using var client = _host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.PutAsJsonAsync("/api/units", TestProvince.Units)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/procedures", TestProvince.Procedures)).EnsureSuccessStatusCode();
        _ingestor = _host.Services.GetRequiredService<EventIngestor>();
        await CommitAsync([[Received("RT-WARM")]]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task a_single_new_event_is_committed_in_two_round_trips() =>
        await ShouldTakeTwoRoundTripsAsync([[Received("RT-1")]]);

    [Fact]
    public async Task a_group_of_requests_on_new_and_known_dossiers_is_committed_in_two_round_trips()
    {
        await CommitAsync([[Received("RT-G1")]]);
        await ShouldTakeTwoRoundTripsAsync([
            [Processing("RT-G1", "2022-08-01T10:00:00+07:00")],
            [Received("RT-G2")],
            [Processing("RT-G2", "2022-08-01T10:00:00+07:00"), Paused("RT-G1", "2022-08-02T09:00:00+07:00")],
        ]);
    }

    [Fact]
    public async Task a_batch_of_a_thousand_events_is_committed_in_two_round_trips() =>
        await ShouldTakeTwoRoundTripsAsync([[.. Enumerable.Range(0, 500).SelectMany(i =>
            new[] { Received($"RT-B{i}"), Processing($"RT-B{i}", "2022-08-01T10:00:00+07:00") })]]);

    private async Task ShouldTakeTwoRoundTripsAsync(string[][] requests)
    {
        IReadOnlyList<IReadOnlyList<IngestionResult>> results = [];
        var roundTrips = await _log.RoundTripsAsync(async () => results = await CommitAsync(requests));
        results.SelectMany(r => r).ShouldAllBe(r => r.Status == IngestionStatus.Created);

        // Only what the commit's connection sent: the host's background work (Wolverine's) uses others.
        var commitConnection = roundTrips.First(r => r.Sent.Contains("pg_advisory_xact_lock(", StringComparison.Ordinal)).Connector;
        var sent = roundTrips.Where(r => r.Connector == commitConnection).Select(r => r.Sent).ToList();
        sent.Count.ShouldBe(RoundTripsPerCommit, string.Join("\n=====\n", sent));
    }

    private Task<IReadOnlyList<IReadOnlyList<IngestionResult>>> CommitAsync(string[][] requests) =>
        _ingestor.CommitAsync(requests.Select(events => new IngestionRequest(
            events.Select(json => EventParser.Parse(JsonDocument.Parse(json).RootElement).Submission!).ToList(),
            new Submitter(null, EventSources.OneStop))).ToList(), CancellationToken.None);

    private static string Received(string code) =>
        $$"""{"eventId":"{{code}}-received","type":"received","dossierCode":"{{code}}","occurredAt":"2022-08-01T09:15:00+07:00","unitCode":"{{TestProvince.Justice}}","procedureCode":"{{TestProvince.BirthRegistration}}","channel":"online"}""";

    private static string Processing(string code, string at) =>
        $$"""{"eventId":"{{code}}-processing","type":"processing","dossierCode":"{{code}}","occurredAt":"{{at}}","handler":"officer-1"}""";

    private static string Paused(string code, string at) =>
        $$"""{"eventId":"{{code}}-paused","type":"paused","dossierCode":"{{code}}","occurredAt":"{{at}}","reason":"supplement"}""";
}
