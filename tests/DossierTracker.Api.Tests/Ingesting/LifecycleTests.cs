using System.Net;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Ingesting;

/// <summary>The dossier state machine through the HTTP API: every event type and what it does to the dossier.</summary>
public sealed class LifecycleTests(TrackerApp app) : ApiScenario(app)
{
    private const string Code = "000.00.01.H99-220801-0001";
    private const string ReceivedAt = "2022-08-01T09:15:00+07:00";   // Monday
    private const string DueAt = "2022-08-04T09:15:00+07:00";        // Thursday

    private Task ReceiveAsync() => PostOkAsync(Received(Code, ReceivedAt, dueAt: DueAt));

    private static string Text(JsonObject o, string name) => o[name]!.GetValue<string>();

    [Fact]
    public async Task processing_records_handler_and_sets_status()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("processing", Code, "2022-08-01T10:00:00+07:00", fields: [("handler", "cb-tuphap-07"), ("unitCode", TestProvince.Justice), ("note", "Chuyển chuyên viên")]));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "status").ShouldBe("processing");
        Text(dossier, "handler").ShouldBe("cb-tuphap-07");
        var entry = dossier["timeline"]!.AsArray()[1]!.AsObject();
        Text(entry, "handler").ShouldBe("cb-tuphap-07");
        Text(entry, "note").ShouldBe("Chuyển chuyên viên");
    }

    [Fact]
    public async Task resumed_without_due_moves_the_due_time_by_the_working_time_paused()
    {
        await ReceiveAsync();
        // Paused Tuesday 09:00, resumed Wednesday 09:00: 8 working hours; Thursday 09:15 + 8 h = Friday 09:15.
        await PostOkAsync(Event("paused", Code, "2022-08-02T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", Code, "2022-08-03T09:00:00+07:00"));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "dueAt").ShouldBe("2022-08-05T09:15:00+07:00");
        Text(dossier, "originalDueAt").ShouldBe(DueAt);
        var pause = dossier["pauses"]!.AsArray().Single()!.AsObject();
        Text(pause, "reason").ShouldBe("supplement");
        pause["workingHours"]!.GetValue<double>().ShouldBe(8);
    }

    [Fact]
    public async Task several_pauses_add_up()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("paused", Code, "2022-08-01T13:30:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", Code, "2022-08-01T15:30:00+07:00"));   // 2 h
        await PostOkAsync(Event("paused", Code, "2022-08-02T07:00:00+07:00", fields: [("reason", "payment")]));
        await PostOkAsync(Event("resumed", Code, "2022-08-02T11:00:00+07:00"));   // 4 h

        // 6 working hours from Thursday 09:15: 2.25 h until 11:30, 3.5 h until 17:00, the last 0.25 h on Friday.
        Text(await GetDossierAsync(Code), "dueAt").ShouldBe("2022-08-05T07:15:00+07:00");
    }

    [Fact]
    public async Task resumed_with_a_due_time_takes_it()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("paused", Code, "2022-08-02T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", Code, "2022-08-08T09:00:00+07:00", fields: [("dueAt", "2022-08-11T09:00:00+07:00")]));

        Text(await GetDossierAsync(Code), "dueAt").ShouldBe("2022-08-11T09:00:00+07:00");
    }

    [Fact]
    public async Task paused_dossier_shows_status_paused_and_is_not_overdue()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("paused", Code, "2022-08-02T09:00:00+07:00", fields: [("reason", "payment")]));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "status").ShouldBe("paused");
        dossier["overdue"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task open_dossier_past_its_due_time_is_overdue_with_working_hours()
    {
        await ReceiveAsync();

        var dossier = await GetDossierAsync(Code);

        dossier["overdue"]!.GetValue<bool>().ShouldBeTrue();
        dossier["overdueWorkingHours"]!.GetValue<double>().ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task apology_new_appointment_is_shown_but_never_moves_the_due_time()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("late", Code, "2022-08-03T09:00:00+07:00",
            fields: [("apologyIssued", true), ("newAppointmentAt", "2022-08-10T09:00:00+07:00"), ("reason", "Chờ xác minh")]));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "dueAt").ShouldBe(DueAt);
        var apology = dossier["apology"]!.AsObject();
        apology["issued"]!.GetValue<bool>().ShouldBeTrue();
        Text(apology, "newAppointmentAt").ShouldBe("2022-08-10T09:00:00+07:00");
        Text(apology, "reason").ShouldBe("Chờ xác minh");
    }

    [Theory]
    [InlineData("2022-08-03T16:00:00+07:00", "early")]
    [InlineData("2022-08-04T16:00:00+07:00", "on-time")]   // after the due time, same date: on time by form 06
    [InlineData("2022-08-05T08:00:00+07:00", "late")]
    public async Task resolved_dossier_gets_its_result_by_local_date(string resolvedAt, string result)
    {
        await ReceiveAsync();
        await PostOkAsync(Event("resolved", Code, resolvedAt, fields: [("outcome", "approved")]));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "status").ShouldBe("resolved");
        Text(dossier, "completedAt").ShouldBe(resolvedAt);
        Text(dossier, "result").ShouldBe(result);
        dossier["overdue"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task completed_on_the_due_date_after_the_due_time_is_on_time_by_form_06_but_late_by_766()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("resolved", Code, "2022-08-04T16:00:00+07:00"));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "result").ShouldBe("on-time");
        dossier["onTimeBy766"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task returned_after_resolved_keeps_the_completion_time()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("resolved", Code, "2022-08-03T16:00:00+07:00"));
        await PostOkAsync(Event("returned", Code, "2022-08-08T08:00:00+07:00"));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "status").ShouldBe("returned");
        Text(dossier, "completedAt").ShouldBe("2022-08-03T16:00:00+07:00");
        Text(dossier, "result").ShouldBe("early");
    }

    [Fact]
    public async Task returned_without_resolved_completes_at_the_return()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("returned", Code, "2022-08-05T08:00:00+07:00"));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "completedAt").ShouldBe("2022-08-05T08:00:00+07:00");
        Text(dossier, "result").ShouldBe("late");
    }

    [Theory]
    [InlineData("withdrawn")]
    [InlineData("stopped")]
    public async Task withdrawn_and_stopped_close_without_completion(string type)
    {
        await ReceiveAsync();
        await PostOkAsync(Event(type, Code, "2022-08-02T08:00:00+07:00", fields: [("reason", "Công dân rút hồ sơ")]));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "status").ShouldBe(type);
        dossier["completedAt"].ShouldBeNull();
        dossier["result"].ShouldBeNull();
        Text(dossier, "closedAt").ShouldBe("2022-08-02T08:00:00+07:00");
    }

    [Theory]
    [InlineData("resolved", "processing")]
    [InlineData("resolved", "paused")]
    [InlineData("resolved", "resumed")]
    [InlineData("resolved", "late")]
    [InlineData("resolved", "resolved")]
    [InlineData("resolved", "withdrawn")]
    [InlineData("returned", "returned")]
    [InlineData("withdrawn", "processing")]
    [InlineData("withdrawn", "returned")]
    [InlineData("stopped", "resolved")]
    public async Task events_after_a_close_are_dossier_closed_and_change_nothing(string close, string next)
    {
        await ReceiveAsync();
        await PostOkAsync(Event(close, Code, "2022-08-03T08:00:00+07:00"));
        var before = await GetDossierAsync(Code);

        var problem = await ProblemOf(await PostEventAsync(Event(next, Code, "2022-08-04T08:00:00+07:00", fields: [("reason", "other")])), HttpStatusCode.Conflict);

        ShouldHaveType(problem, "dossier-closed");
        (await GetDossierAsync(Code)).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task event_before_the_receipt_is_refused()
    {
        await ReceiveAsync();

        var problem = await ProblemOf(await PostEventAsync(Event("resolved", Code, "2022-07-30T08:00:00+07:00")), HttpStatusCode.UnprocessableEntity);

        ShouldHaveType(problem, "occurred-before-received");
    }

    [Fact]
    public async Task resolved_while_paused_gets_no_credit_for_the_unfinished_pause()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("paused", Code, "2022-08-02T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resolved", Code, "2022-08-05T09:00:00+07:00"));

        var dossier = await GetDossierAsync(Code);

        Text(dossier, "dueAt").ShouldBe(DueAt);
        Text(dossier, "result").ShouldBe("late");
    }

    [Fact]
    public async Task timeline_is_ordered_by_occurred_at_then_arrival()
    {
        await ReceiveAsync();
        await PostOkAsync(Event("processing", Code, "2022-08-02T10:00:00+07:00", eventId: "b"));
        await PostOkAsync(Event("processing", Code, "2022-08-01T10:00:00+07:00", eventId: "a"));
        await PostOkAsync(Event("late", Code, "2022-08-02T10:00:00+07:00", eventId: "c"));

        var ids = (await GetDossierAsync(Code))["timeline"]!.AsArray().Select(e => Text(e!.AsObject(), "eventId")).ToList();

        ids.ShouldBe(new[] { $"{Code}-received", "a", "b", "c" });
    }

    [Theory]
    [InlineData("paused", "reason", "holiday")]
    [InlineData("resolved", "outcome", "maybe")]
    [InlineData("late", "apologyIssued", "yes")]
    [InlineData("resumed", "dueAt", "2022-08-11 09:00")]
    public async Task bad_values_of_type_specific_fields_are_400(string type, string field, string value)
    {
        await ReceiveAsync();

        var problem = await ProblemOf(await PostEventAsync(Event(type, Code, "2022-08-02T09:00:00+07:00", fields: [(field, value)])), HttpStatusCode.BadRequest);

        problem["errors"]![field].ShouldNotBeNull();
    }

    [Fact]
    public async Task paused_without_a_reason_is_400()
    {
        await ReceiveAsync();

        var problem = await ProblemOf(await PostEventAsync(Event("paused", Code, "2022-08-02T09:00:00+07:00")), HttpStatusCode.BadRequest);

        problem["errors"]!["reason"].ShouldNotBeNull();
    }

    [Fact]
    public async Task a_supervisor_outside_the_dossiers_unit_gets_404()
    {
        await ReceiveAsync();
        var districtSupervisor = await App.CreateKeyAsync(Api.Security.Roles.Supervisor, TestProvince.DistrictB);

        var problem = await ProblemOf(await GetAsync($"/api/dossiers/{Code}", districtSupervisor), HttpStatusCode.NotFound);

        ShouldHaveType(problem, "dossier-not-found");
    }

    [Fact]
    public async Task an_event_on_a_dossier_outside_the_keys_scope_is_answered_as_for_an_unknown_dossier()
    {
        await PostOkAsync(Received(Code, unitCode: TestProvince.CommuneB1));
        var districtKey = await App.CreateKeyAsync(Api.Security.Roles.Ingest, TestProvince.DistrictA);
        const string Unknown = "000.00.01.H99-220801-0002";

        var outside = await ProblemOf(await PostEventAsync(Event("processing", Code, "2022-08-01T10:00:00+07:00"), districtKey), HttpStatusCode.Conflict);
        var unknown = await ProblemOf(await PostEventAsync(Event("processing", Unknown, "2022-08-01T10:00:00+07:00"), districtKey), HttpStatusCode.Conflict);

        outside.ToJsonString().Replace(Code, Unknown, StringComparison.Ordinal).ShouldBe(unknown.ToJsonString());
    }
}
