using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>Retries and races: nothing stored twice, nothing lost.</summary>
public sealed class ConcurrencyTests(TrackerApp app) : ApiScenario(app)
{
    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task the_same_event_posted_20_times_at_once_is_stored_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostEventAsync(Received("C-1"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(19);
        foreach (var duplicate in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
            (await duplicate.Content.ReadFromJsonAsync<JsonObject>())!["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        (await CountAsync("select count(*) from tracker.mt_events where stream_id = 'C-1'")).ShouldBe(1);
    }

    [Fact]
    public async Task a_retry_of_a_stored_event_is_a_duplicate_even_after_the_dossier_moved_on()
    {
        await PostOkAsync(Received("C-2"));
        await PostOkAsync(Event("resolved", "C-2", "2022-08-02T10:00:00+07:00"));

        (await PostEventAsync(Received("C-2"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task different_events_racing_on_one_dossier_are_all_stored()
    {
        await PostOkAsync(Received("C-3"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            PostEventAsync(Event("processing", "C-3", $"2022-08-01T10:{i:D2}:00+07:00", eventId: $"race-{i}", fields: [("handler", $"officer-{i}")]))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var versions = new List<int>();
        foreach (var r in responses) versions.Add((await r.Content.ReadFromJsonAsync<JsonObject>())!["version"]!.GetValue<int>());
        versions.Order().ShouldBe(Enumerable.Range(2, 16));
        (await GetDossierAsync("C-3"))["timeline"]!.AsArray().Count.ShouldBe(17);
    }

    [Fact]
    public async Task concurrent_batches_touching_the_same_dossiers_lose_nothing()
    {
        for (var i = 0; i < 10; i++) await PostOkAsync(Received($"CB-{i}"));

        var batches = Enumerable.Range(0, 6).Select(b => SendAsync(HttpMethod.Post, "/api/events/batch", new
        {
            events = Enumerable.Range(0, 10).Select(i => Event("processing", $"CB-{(i + b) % 10}", "2022-08-01T11:00:00+07:00", eventId: $"cb-{b}-{i}")).ToArray(),
        }, IngestKey));
        var responses = await Task.WhenAll(batches);

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await CountAsync("select count(*) from tracker.mt_events where stream_id like 'CB-%'")).ShouldBe(10 + 60);
        (await CountAsync("select count(*) from tracker.ingested_events where dossier_code like 'CB-%'")).ShouldBe(10 + 60);
    }

    [Fact]
    public async Task a_rejected_event_leaves_no_trace()
    {
        await PostOkAsync(Received("C-4"));
        var events = await CountAsync("select count(*) from tracker.mt_events");
        var ledger = await CountAsync("select count(*) from tracker.ingested_events");

        await PostEventAsync(Received("C-4", eventId: "C-4-again"));
        await PostEventAsync(Event("processing", "C-NONE", "2022-08-01T10:00:00+07:00"));
        await PostEventAsync(Received("C-5", unitCode: "NOPE"));

        (await CountAsync("select count(*) from tracker.mt_events")).ShouldBe(events);
        (await CountAsync("select count(*) from tracker.ingested_events")).ShouldBe(ledger);
        (await CountAsync("select count(*) from tracker.dossiers")).ShouldBe(1);
    }
}
