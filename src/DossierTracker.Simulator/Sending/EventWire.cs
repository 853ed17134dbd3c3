using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DossierTracker.Ingestion;

namespace DossierTracker.Simulator.Sending;

/// <summary>
/// Writes an event in the contract's wire format (shared/contract.md, "Ingesting lifecycle events"). The simulator
/// holds its events as the domain's submission records, so a field it sets is a field the tracker reads.
/// </summary>
public static class EventWire
{
    /// <summary>Vietnamese text and the '+' of offsets written as they are, not as \u escapes: shorter bodies, readable logs.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter json, EventSubmission submission)
    {
        json.WriteStartObject();
        json.WriteString("eventId", submission.EventId);
        json.WriteString("type", submission.Type);
        json.WriteString("dossierCode", submission.DossierCode);
        json.WriteString("occurredAt", Timestamp(submission.OccurredAt));
        switch (submission)
        {
            case ReceivedSubmission e:
                json.WriteString("unitCode", e.UnitCode);
                json.WriteString("procedureCode", e.ProcedureCode);
                json.WriteString("channel", Name(e.Channel));
                Optional(json, "dueAt", e.DueAt);
                break;
            case ProcessingSubmission e:
                Optional(json, "unitCode", e.UnitCode);
                Optional(json, "handler", e.Handler);
                Optional(json, "note", e.Note);
                break;
            case PausedSubmission e:
                json.WriteString("reason", Name(e.Reason));
                Optional(json, "note", e.Note);
                break;
            case ResumedSubmission e:
                Optional(json, "dueAt", e.DueAt);
                break;
            case LateSubmission e:
                if (e.ApologyIssued is { } issued) json.WriteBoolean("apologyIssued", issued);
                Optional(json, "newAppointmentAt", e.NewAppointmentAt);
                Optional(json, "reason", e.Reason);
                break;
            case ResolvedSubmission { Outcome: { } outcome }:
                json.WriteString("outcome", Name(outcome));
                break;
            case WithdrawnSubmission e:
                Optional(json, "reason", e.Reason);
                break;
            case StoppedSubmission e:
                Optional(json, "reason", e.Reason);
                break;
        }
        json.WriteEndObject();
    }

    /// <summary>Local time with its offset, as one-stop systems write it: <c>2025-03-03T09:15:00+07:00</c>.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        Calendar.VietnamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    // The enums' wire names are their names in lower case (online, supplement, approved, ...).
    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static void Optional(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } instant) json.WriteString(name, Timestamp(instant));
    }
}
