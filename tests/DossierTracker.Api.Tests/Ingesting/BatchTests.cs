using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Ingesting;

public sealed class BatchTests(TrackerApp app) : ApiScenario(app)
{
    private async Task<List<JsonObject>> PostBatchAsync(params object[] events)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/events/batch", new { events }, IngestKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    private static IEnumerable<string> Statuses(IEnumerable<JsonObject> results) => results.Select(r => r["status"]!.GetValue<string>());

    [Fact]
    public async Task a_batch_can_receive_a_dossier_and_move_it_on_in_array_order()
    {
        var results = await PostBatchAsync(
            Received("B-1"),
            Event("processing", "B-1", "2022-08-01T10:00:00+07:00"),
            Event("resolved", "B-1", "2022-08-02T10:00:00+07:00"));

        Statuses(results).ShouldBe(new[] { "created", "created", "created" });
        results.Select(r => r["index"]!.GetValue<int>()).ShouldBe(new[] { 0, 1, 2 });
        (await GetDossierAsync("B-1"))["status"]!.GetValue<string>().ShouldBe("resolved");
    }

    [Fact]
    public async Task each_event_succeeds_or_fails_on_its_own_and_a_failed_one_changes_nothing()
    {
        await PostOkAsync(Received("B-2"));

        var results = await PostBatchAsync(
            Received("B-2"),                                                          // duplicate
            Received("B-2", eventId: "B-2-again"),                                    // dossier-exists
            Event("processing", "B-3", "2022-08-01T10:00:00+07:00"),                   // dossier-not-received
            new { eventId = "bad", type = "received" },                               // 400
            Received("B-4", unitCode: "NOPE"),                                        // unknown-unit
            Received("B-5"),                                                          // created
            Received("B-5", channel: "postal"));                                      // event-id-conflict within the batch

        Statuses(results).ShouldBe(new[] { "duplicate", "rejected", "rejected", "rejected", "rejected", "created", "rejected" });
        string ProblemType(int i) => results[i]["problem"]!["type"]!.GetValue<string>();
        ProblemType(1).ShouldEndWith("/dossier-exists");
        ProblemType(2).ShouldEndWith("/dossier-not-received");
        ProblemType(3).ShouldEndWith("/validation");
        results[3]["problem"]!["errors"]!["dossierCode"].ShouldNotBeNull();
        results[3]["problem"]!["status"]!.GetValue<int>().ShouldBe(400);
        ProblemType(4).ShouldEndWith("/unknown-unit");
        results[4]["problem"]!["status"]!.GetValue<int>().ShouldBe(422);
        ProblemType(6).ShouldEndWith("/event-id-conflict");
        (await GetAsync("/api/dossiers/B-3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync("/api/dossiers/B-4")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetDossierAsync("B-5"))["channel"]!.GetValue<string>().ShouldBe("online");
    }

    [Fact]
    public async Task retrying_a_whole_batch_answers_duplicate_for_every_stored_event()
    {
        object[] events = [Received("B-6"), Event("processing", "B-6", "2022-08-01T10:00:00+07:00")];
        await PostBatchAsync(events);

        Statuses(await PostBatchAsync(events)).ShouldBe(new[] { "duplicate", "duplicate" });
        (await GetDossierAsync("B-6"))["timeline"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_batch_over_1000_events_is_400()
    {
        var events = Enumerable.Range(0, 1001).Select(i => (object)Received($"B-{i}")).ToArray();

        var problem = await ProblemOf(await SendAsync(HttpMethod.Post, "/api/events/batch", new { events }, IngestKey), HttpStatusCode.BadRequest);

        problem["errors"]!["events"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_batch_of_1000_new_dossiers_is_stored()
    {
        var events = Enumerable.Range(0, 1000).Select(i => (object)Received($"BIG-{i:D4}")).ToArray();

        var results = await PostBatchAsync(events);

        results.Count(r => r["status"]!.GetValue<string>() == "created").ShouldBe(1000);
        (await GetDossierAsync("BIG-0999"))["status"]!.GetValue<string>().ShouldBe("received");
    }

    [Fact]
    public async Task a_body_without_an_events_array_is_400()
    {
        await ProblemOf(await SendAsync(HttpMethod.Post, "/api/events/batch", new { items = Array.Empty<object>() }, IngestKey), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task out_of_scope_events_in_a_batch_are_rejected_with_403_problems()
    {
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);

        var response = await SendAsync(HttpMethod.Post, "/api/events/batch",
            new { events = new object[] { Received("S-1", unitCode: TestProvince.CommuneA1), Received("S-2", unitCode: TestProvince.CommuneB1) } }, districtKey);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();

        results[0]!["status"]!.GetValue<string>().ShouldBe("created");
        results[1]!["status"]!.GetValue<string>().ShouldBe("rejected");
        results[1]!["problem"]!["status"]!.GetValue<int>().ShouldBe(403);
    }
}
