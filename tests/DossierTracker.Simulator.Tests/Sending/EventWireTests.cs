using System.Text;
using System.Text.Json;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Simulator.Sending;

namespace DossierTracker.Simulator.Tests.Sending;

/// <summary>Events are written with the contract's field names and spellings (shared/contract.md).</summary>
public class EventWireTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 2, 15, 0, TimeSpan.Zero);

    private static string Json(EventSubmission submission)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, EventWire.WriterOptions)) EventWire.Write(json, submission);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void received_carries_unit_procedure_channel_and_due_time_in_local_time() =>
        Json(new ReceivedSubmission("e1", "D1", At, "000.09.32.H33", "1.001193", Channel.Online, At.AddHours(8)))
            .ShouldBe("""{"eventId":"e1","type":"received","dossierCode":"D1","occurredAt":"2025-03-03T09:15:00+07:00","unitCode":"000.09.32.H33","procedureCode":"1.001193","channel":"online","dueAt":"2025-03-03T17:15:00+07:00"}""");

    [Fact]
    public void a_missing_due_time_is_left_out_for_the_tracker_to_compute() =>
        Json(new ReceivedSubmission("e1", "D1", At, "U", "P", Channel.Postal, null)).ShouldNotContain("dueAt");

    [Fact]
    public void an_apology_carries_its_flag_and_new_appointment() =>
        Json(new LateSubmission("e5", "D1", At, true, At.AddDays(3), "r"))
            .ShouldBe("""{"eventId":"e5","type":"late","dossierCode":"D1","occurredAt":"2025-03-03T09:15:00+07:00","apologyIssued":true,"newAppointmentAt":"2025-03-06T09:15:00+07:00","reason":"r"}""");

    [Theory]
    [MemberData(nameof(OtherEvents))]
    public void other_events_carry_their_own_fields(EventSubmission submission, string fields) =>
        Json(submission).ShouldEndWith(fields);

    public static TheoryData<EventSubmission, string> OtherEvents() => new()
    {
        { new ProcessingSubmission("e", "D", At, null, "cb01", null), "\"handler\":\"cb01\"}" },
        { new PausedSubmission("e", "D", At, PauseReason.Supplement, null), "\"reason\":\"supplement\"}" },
        { new ResumedSubmission("e", "D", At, null), "\"occurredAt\":\"2025-03-03T09:15:00+07:00\"}" },
        { new ResolvedSubmission("e", "D", At, Outcome.Refused), "\"outcome\":\"refused\"}" },
        { new ReturnedSubmission("e", "D", At), "\"type\":\"returned\",\"dossierCode\":\"D\",\"occurredAt\":\"2025-03-03T09:15:00+07:00\"}" },
        { new WithdrawnSubmission("e", "D", At, "x"), "\"type\":\"withdrawn\",\"dossierCode\":\"D\",\"occurredAt\":\"2025-03-03T09:15:00+07:00\",\"reason\":\"x\"}" },
        { new StoppedSubmission("e", "D", At, "y"), "\"type\":\"stopped\",\"dossierCode\":\"D\",\"occurredAt\":\"2025-03-03T09:15:00+07:00\",\"reason\":\"y\"}" },
    };
}
