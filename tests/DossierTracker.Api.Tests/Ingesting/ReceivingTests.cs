using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Ingesting;

public sealed class ReceivingTests(TrackerApp app) : ApiScenario(app)
{
    [Fact]
    public async Task received_event_is_stored_and_answered_201_with_version_1()
    {
        var response = await PostEventAsync(Received("000.00.01.H99-220801-0001"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/dossiers/000.00.01.H99-220801-0001");
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body["eventId"]!.GetValue<string>().ShouldBe("000.00.01.H99-220801-0001-received");
        body["dossierCode"]!.GetValue<string>().ShouldBe("000.00.01.H99-220801-0001");
        body["version"]!.GetValue<int>().ShouldBe(1);
        body["duplicate"].ShouldBeNull();
    }

    [Fact]
    public async Task dossier_shows_what_was_received_in_local_time()
    {
        await PostOkAsync(Received("D-1", occurredAt: "2022-08-01T02:15:00Z", dueAt: "2022-08-04T09:15:00+07:00", channel: "direct"));

        var dossier = await GetDossierAsync("D-1");

        dossier["dossierCode"]!.GetValue<string>().ShouldBe("D-1");
        dossier["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.Justice);
        dossier["unitName"]!.GetValue<string>().ShouldBe("Sở Tư pháp");
        dossier["procedureCode"]!.GetValue<string>().ShouldBe(TestProvince.BirthRegistration);
        dossier["channel"]!.GetValue<string>().ShouldBe("direct");
        dossier["status"]!.GetValue<string>().ShouldBe("received");
        dossier["receivedAt"]!.GetValue<string>().ShouldBe("2022-08-01T09:15:00+07:00");
        dossier["dueAt"]!.GetValue<string>().ShouldBe("2022-08-04T09:15:00+07:00");
        dossier["originalDueAt"]!.GetValue<string>().ShouldBe("2022-08-04T09:15:00+07:00");
        dossier["completedAt"].ShouldBeNull();
        dossier["result"].ShouldBeNull();
    }

    [Fact]
    public async Task timeline_carries_event_id_times_source_and_fields()
    {
        await PostOkAsync(Received("D-2", dueAt: "2022-08-04T09:15:00+07:00"));

        var entry = (await GetDossierAsync("D-2"))["timeline"]!.AsArray().Single()!.AsObject();

        entry["eventId"]!.GetValue<string>().ShouldBe("D-2-received");
        entry["type"]!.GetValue<string>().ShouldBe("received");
        entry["occurredAt"]!.GetValue<string>().ShouldBe("2022-08-01T09:15:00+07:00");
        entry["recordedAt"]!.GetValue<string>().ShouldBe("2026-03-10T10:00:00+07:00");
        entry["source"]!.GetValue<string>().ShouldBe("one-stop");
        entry["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.Justice);
        entry["channel"]!.GetValue<string>().ShouldBe("online");
        entry["dueAt"]!.GetValue<string>().ShouldBe("2022-08-04T09:15:00+07:00");
    }

    [Fact]
    public async Task due_time_is_computed_from_the_procedure_when_not_sent()
    {
        // Monday 09:15 + 3 working days (24 working hours) = Thursday 09:15.
        await PostOkAsync(Received("D-3", occurredAt: "2022-08-01T09:15:00+07:00"));

        (await GetDossierAsync("D-3"))["dueAt"]!.GetValue<string>().ShouldBe("2022-08-04T09:15:00+07:00");
    }

    [Fact]
    public async Task vietnamese_text_round_trips_unchanged()
    {
        var response = await SendAsync(HttpMethod.Get, "/api/units", null, SupervisorKey);
        var units = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        units.Select(u => u!["name"]!.GetValue<string>()).ShouldContain("Sở Tài nguyên và Môi trường");
    }

    [Fact]
    public async Task same_event_posted_again_is_a_duplicate_and_stored_once()
    {
        await PostOkAsync(Received("D-4"));

        var retry = await PostEventAsync(Received("D-4"));

        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await retry.Content.ReadFromJsonAsync<JsonObject>())!;
        body["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        body["version"]!.GetValue<int>().ShouldBe(1);
        (await GetDossierAsync("D-4"))["timeline"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task duplicate_compares_timestamps_as_instants_and_null_as_absent()
    {
        await PostOkAsync(Received("D-5", occurredAt: "2022-08-01T09:15:00+07:00"));
        var sameInUtc = Received("D-5", occurredAt: "2022-08-01T02:15:00Z");
        sameInUtc.Remove("dueAt");

        (await PostEventAsync(sameInUtc)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task same_event_id_with_different_content_is_an_event_id_conflict()
    {
        await PostOkAsync(Received("D-6"));

        var problem = await ProblemOf(await PostEventAsync(Received("D-6", channel: "postal")), HttpStatusCode.Conflict);

        ShouldHaveType(problem, "event-id-conflict");
    }

    [Fact]
    public async Task second_received_with_a_new_event_id_is_dossier_exists()
    {
        await PostOkAsync(Received("D-7"));

        var problem = await ProblemOf(await PostEventAsync(Received("D-7", eventId: "another-id")), HttpStatusCode.Conflict);

        ShouldHaveType(problem, "dossier-exists");
    }

    [Theory]
    [InlineData("unitCode", "000.99.99.H99", "unknown-unit")]
    [InlineData("procedureCode", "9.999999", "unknown-procedure")]
    [InlineData("dueAt", "2022-07-31T09:15:00+07:00", "due-before-received")]
    [InlineData("occurredAt", "2026-03-10T10:06:00+07:00", "future-event")]
    public async Task received_with_a_bad_reference_is_422_and_stores_nothing(string field, string value, string code)
    {
        var body = Received("D-8");
        body[field] = value;

        var problem = await ProblemOf(await PostEventAsync(body), HttpStatusCode.UnprocessableEntity);

        ShouldHaveType(problem, code);
        (await GetAsync("/api/dossiers/D-8")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_event_up_to_five_minutes_ahead_of_the_clock_is_accepted()
    {
        await PostOkAsync(Received("D-9", occurredAt: "2026-03-10T10:04:59+07:00"));
    }

    [Fact]
    public async Task event_other_than_received_on_an_unknown_dossier_is_dossier_not_received()
    {
        var problem = await ProblemOf(await PostEventAsync(Event("processing", "D-10", "2022-08-01T10:00:00+07:00")), HttpStatusCode.Conflict);

        ShouldHaveType(problem, "dossier-not-received");
    }

    [Theory]
    [InlineData("occurredAt", "2022-08-01T09:15:00", "occurredAt")]
    [InlineData("occurredAt", "1 August 2022", "occurredAt")]
    [InlineData("channel", "fax", "channel")]
    [InlineData("type", "teleported", "type")]
    [InlineData("eventId", "", "eventId")]
    [InlineData("dossierCode", null, "dossierCode")]
    public async Task malformed_fields_are_400_with_the_field_named(string field, string? value, string errorKey)
    {
        var body = Received("D-11");
        body[field] = value;

        var problem = await ProblemOf(await PostEventAsync(body), HttpStatusCode.BadRequest);

        ShouldHaveType(problem, "validation");
        problem["errors"]![errorKey].ShouldNotBeNull();
    }

    [Fact]
    public async Task over_long_codes_are_400()
    {
        var problem = await ProblemOf(await PostEventAsync(Received(new string('x', 101))), HttpStatusCode.BadRequest);

        problem["errors"]!["dossierCode"].ShouldNotBeNull();
    }

    [Fact]
    public async Task wrong_json_types_are_400_not_500()
    {
        var body = Received("D-12");
        body["unitCode"] = 42;

        var problem = await ProblemOf(await PostEventAsync(body), HttpStatusCode.BadRequest);

        problem["errors"]!["unitCode"].ShouldNotBeNull();
    }

    [Fact]
    public async Task unit_outside_the_keys_scope_is_403_out_of_scope_unit()
    {
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);

        var problem = await ProblemOf(await PostEventAsync(Received("D-13", unitCode: TestProvince.CommuneB1), districtKey), HttpStatusCode.Forbidden);

        ShouldHaveType(problem, "out-of-scope-unit");
    }

    [Fact]
    public async Task unit_below_the_keys_scope_is_accepted()
    {
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);

        (await PostEventAsync(Received("D-14", unitCode: TestProvince.CommuneA1), districtKey)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_second_received_from_outside_the_dossiers_scope_is_403_not_dossier_exists()
    {
        await PostOkAsync(Received("D-15", unitCode: TestProvince.CommuneB1));
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);

        var problem = await ProblemOf(await PostEventAsync(Received("D-15", unitCode: TestProvince.CommuneA1, eventId: "probe"), districtKey), HttpStatusCode.Forbidden);

        ShouldHaveType(problem, "out-of-scope-unit");
    }
}
