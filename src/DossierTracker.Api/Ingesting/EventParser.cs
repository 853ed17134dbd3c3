using System.Text.Json;
using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Turns one JSON event object into a typed submission, or into field errors (field → messages) for a 400.
/// Strict where the contract is (types, lengths, enum values, offsets), lenient about unknown extra fields.
/// </summary>
public static class EventParser
{
    public const int MaxCodeLength = 100;
    public const int MaxTextLength = 2000;
    public const int MaxHandlerLength = 200;
    public const int MaxHandlerNameLength = 200;

    public static (EventSubmission? Submission, Dictionary<string, string[]> Errors) Parse(JsonElement json)
    {
        var fields = new Fields(json);
        if (json.ValueKind != JsonValueKind.Object)
        {
            fields.Error("", "An event must be a JSON object.");
            return (null, fields.Errors);
        }
        if (JsonUnicode.FindInvalid(json, "") is { } invalid)
        {
            fields.Error(invalid, JsonUnicode.ErrorAt(invalid));
            return (null, fields.Errors);
        }

        var eventId = fields.Code("eventId", required: true);
        var type = fields.Text("type", required: true, maxLength: 50);
        var dossierCode = fields.DossierCode("dossierCode");
        var occurredAt = fields.Timestamp("occurredAt", required: true);
        if (type is not null && !EventTypes.All.Contains(type))
            fields.Error("type", $"Unknown event type '{type}'. Expected one of: {string.Join(", ", EventTypes.All)}.");

        if (fields.HasErrors || type is null) return (null, fields.Errors);
        var (id, code, at) = (eventId!, dossierCode!, occurredAt!.Value);

        EventSubmission submission = type switch
        {
            EventTypes.Received => new ReceivedSubmission(id, code, at,
                fields.Code("unitCode", required: true) ?? "", fields.Code("procedureCode", required: true) ?? "",
                fields.Enum<Channel>("channel", required: true) ?? default, fields.Timestamp("dueAt")),
            EventTypes.Processing => new ProcessingSubmission(id, code, at,
                fields.Code("unitCode"), fields.Text("handler", maxLength: MaxHandlerLength), fields.Text("note"),
                fields.Name("handlerName", MaxHandlerNameLength)),
            EventTypes.Paused => new PausedSubmission(id, code, at,
                fields.Enum<PauseReason>("reason", required: true) ?? default, fields.Text("note")),
            EventTypes.Resumed => new ResumedSubmission(id, code, at, fields.Timestamp("dueAt")),
            EventTypes.Late => new LateSubmission(id, code, at,
                fields.Boolean("apologyIssued"), fields.Timestamp("newAppointmentAt"), fields.Text("reason")),
            EventTypes.Resolved => new ResolvedSubmission(id, code, at, fields.Enum<Outcome>("outcome")),
            EventTypes.Returned => new ReturnedSubmission(id, code, at),
            EventTypes.Withdrawn => new WithdrawnSubmission(id, code, at, fields.Text("reason")),
            _ => new StoppedSubmission(id, code, at, fields.Text("reason")),
        };
        return fields.HasErrors ? (null, fields.Errors) : (submission, fields.Errors);
    }

    /// <summary>Reads fields of one object, collecting every error rather than stopping at the first.</summary>
    private sealed class Fields(JsonElement json)
    {
        public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);
        public bool HasErrors => Errors.Count > 0;

        public void Error(string field, string message) =>
            Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

        private JsonElement? Value(string name) =>
            json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        public string? Text(string name, bool required = false, int maxLength = MaxTextLength)
        {
            if (Value(name) is not { } value)
            {
                if (required) Error(name, $"{name} is required.");
                return null;
            }
            if (value.ValueKind != JsonValueKind.String) { Error(name, $"{name} must be a string."); return null; }
            var text = value.GetString()!;
            if (text.Length == 0 && required) { Error(name, $"{name} must not be empty."); return null; }
            if (text.Length > maxLength) { Error(name, $"{name} must be at most {maxLength} characters."); return null; }
            if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))) { Error(name, $"{name} must not contain control characters."); return null; }
            return text;
        }

        /// <summary>
        /// A person's name as people type it: surrounding spaces are dropped (a name that is only spaces is absent), and
        /// the limit applies to what is kept.
        /// </summary>
        public string? Name(string name, int maxLength)
        {
            var text = Text(name, maxLength: int.MaxValue)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (text.Length > maxLength) { Error(name, $"{name} must be at most {maxLength} characters."); return null; }
            return text;
        }

        /// <summary>Identifiers: 1–100 characters, no control characters, no surrounding spaces.</summary>
        public string? Code(string name, bool required = false)
        {
            var text = Text(name, required, MaxCodeLength);
            if (text is null) return null;
            if (text.Length == 0) { Error(name, $"{name} must not be empty."); return null; }
            if (text.Trim().Length != text.Length || text.Any(char.IsControl)) { Error(name, $"{name} must not have surrounding spaces or control characters."); return null; }
            return text;
        }

        /// <summary>A dossier code: required, in the alphabet of <see cref="DossierCodes"/>.</summary>
        public string? DossierCode(string name)
        {
            var text = Text(name, required: true, MaxCodeLength);
            if (text is null) return null;
            if (DossierCodes.IsValid(text)) return text;
            Error(name, $"{name} must be {DossierCodes.Alphabet}.");
            return null;
        }

        /// <summary>An instant with an offset, in the <see cref="SupportedYears"/>.</summary>
        public DateTimeOffset? Timestamp(string name, bool required = false)
        {
            var text = Text(name, required, 40);
            if (text is null) return null;
            if (!Timestamps.TryParse(text, out var value))
            {
                Error(name, $"{name} must be an ISO 8601 timestamp with an offset, e.g. 2022-08-01T09:15:00+07:00.");
                return null;
            }
            if (!SupportedYears.Contains(value))
            {
                Error(name, $"{name} must lie in {SupportedYears.Description}.");
                return null;
            }
            return value;
        }

        public TEnum? Enum<TEnum>(string name, bool required = false) where TEnum : struct, System.Enum
        {
            var text = Text(name, required, 50);
            if (text is null) return null;
            if (WireNames.TryParse<TEnum>(text, out var value)) return value;
            Error(name, $"{name} must be one of: {string.Join(", ", WireNames.All<TEnum>())}.");
            return null;
        }

        public bool? Boolean(string name)
        {
            if (Value(name) is not { } value) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Error(name, $"{name} must be true or false.");
            return null;
        }
    }
}
