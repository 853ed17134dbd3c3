using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// POST /api/events and /api/events/batch. The endpoints parse the body themselves (<see cref="EventParser"/>), so the
/// event union is written here: one schema per type with the parser's rules, joined by a <c>oneOf</c> on <c>type</c>.
/// </summary>
internal static class EventDocumentation
{
    public const string EventSchema = "Event";

    /// <summary>Each type's meaning and own fields; built per document, since the document model is mutable.</summary>
    private static (string Type, string Meaning, (string Name, OpenApiSchema Schema, bool Required)[] Fields)[] Types() =>
    [
        (EventTypes.Received, "Accepted by the one-stop unit (national status 2). Starts the dossier.",
        [
            ("unitCode", Schemas.Code("The responsible unit; must be in the organisation tree, valid on the day, and within the key's scope."), true),
            ("procedureCode", Schemas.Code("The administrative procedure; must be in the catalogue."), true),
            ("channel", Schemas.Enum<Channel>("How the dossier was submitted."), true),
            ("dueAt", Schemas.Timestamp("Due time for the result. When absent it is computed from the procedure's processing time and the working calendar."), false),
        ]),
        (EventTypes.Processing, "Handed on for processing (national status 4).",
        [
            ("unitCode", Schemas.Code("The unit now handling the dossier."), false),
            ("handler", Schemas.Text("Id of the officer handling the dossier.", EventParser.MaxHandlerLength), false),
            ("handlerName", Schemas.Text("The officer's name as people know it, shown beside the dossier in lists and on its page. " +
                "Surrounding spaces are dropped (only spaces: absent); longer than the limit after that is a 400. A `processing` event " +
                "with a new `handler` and no `handlerName` clears the name of the one before.", EventParser.MaxHandlerNameLength), false),
            ("note", Note("Free text."), false),
        ]),
        (EventTypes.Paused, "Clock stopped: supplement requested (national status 5) or financial obligation (6).",
        [
            ("reason", Schemas.Enum<PauseReason>("Why the clock stopped."), true),
            ("note", Note("Free text."), false),
        ]),
        (EventTypes.Resumed, "The clock runs again.",
        [
            ("dueAt", Schemas.Timestamp("The new due time. When absent the due time moves later by the working time spent paused."), false),
        ]),
        (EventTypes.Late, "The dossier is past its due time; with an apology slip when the one-stop unit issued one. " +
            "newAppointmentAt is kept and shown but never changes the effective due time.",
        [
            ("apologyIssued", Schemas.Boolean("Whether an apology slip (phiếu xin lỗi và hẹn lại ngày trả kết quả) was issued."), false),
            ("newAppointmentAt", Schemas.Timestamp("The new appointment promised to the applicant."), false),
            ("reason", Note("Why the dossier is late."), false),
        ]),
        (EventTypes.Resolved, "Processing finished, result ready (national status 9). Its time is the completion time.",
        [
            ("outcome", Schemas.Enum<Outcome>("The decision."), false),
        ]),
        (EventTypes.Returned, "Result handed to the applicant (national status 10). Accepted once after resolved.", []),
        (EventTypes.Withdrawn, "The applicant withdrew (national status 7). Closes the dossier without completing it.",
        [
            ("reason", Note("Why."), false),
        ]),
        (EventTypes.Stopped, "Processing stopped (national status 8). Closes the dossier without completing it.",
        [
            ("reason", Note("Why."), false),
        ]),
    ];

    public static Task PostEvent(OperationDoc doc)
    {
        doc.Body("One lifecycle event. Any `application/*+json` media type is accepted as well. " +
            "An optional field may be absent or null (null equals absent); unknown fields are ignored.",
            Union(doc), EventExamples.All.Select(e => e with { Value = e.Value.DeepClone() }));

        doc.Problems(ProblemCatalogue.Overloaded);
        return AcceptedResponses(doc);
    }

    public static async Task PostBatch(OperationDoc doc)
    {
        doc.Body($"Up to {Ingesting.PostBatch.MaxEvents} events, applied in array order; each is accepted or refused on its own by the rules of POST /api/events.",
            Schemas.Object(null,
                [("events", Schemas.ArrayOf(Union(doc), "The events, in the order they are to be applied.", Ingesting.PostBatch.MaxEvents))],
                "events"),
            [new Example("mixed", "A dossier received, handed on and resolved in one request", EventExamples.Batch())]);

        var problem = ProblemDocumentation.Schema(doc.Document);
        var result = await doc.SchemaOf<BatchItemResult>(schema =>
        {
            Schemas.Describe(schema, "What happened to the event at `index`.",
                ("index", "Position in the request's `events` array, from 0."),
                ("eventId", "The event's eventId, when it had one."),
                ("status", "`created` (stored), `duplicate` (already stored with the same content) or `rejected` (nothing stored)."));
            Schemas.Property(schema, "status").Enum = [.. Enum.GetValues<IngestionStatus>().Select(s => (JsonNode)s.ToString().ToLowerInvariant())];
            // Typed object in C# so that a validation problem keeps its errors; on the wire it is a problem.
            Schemas.Replace(schema, "problem", new OpenApiSchema
            {
                AllOf = [problem],
                Description = "Only when rejected: the problem POST /api/events would have answered.",
            });
        });
        doc.Response(StatusCodes.Status200OK, "One result per event, in request order.", OperationDoc.Json,
            Schemas.Object(null, [("results", Schemas.ArrayOf(result))], "results"),
            [new Example("mixed", "Created, duplicate and rejected events", OperationDoc.Wire(SampleBatchResponse()))]);

        doc.ValidationProblem("One or more fields are not valid; see errors.",
            new() { ["events"] = [$"A batch holds at most {Ingesting.PostBatch.MaxEvents} events."] });
        doc.Problems(ProblemCatalogue.MalformedJson, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType);
    }

    private static async Task AcceptedResponses(OperationDoc doc)
    {
        var accepted = await doc.SchemaOf<EventAccepted>(schema =>
        {
            schema.Description = "The stored event: its dossier and the dossier's version after it.";
            Schemas.Property(schema, "duplicate").Description = "Present (true) only when the event had already been stored with the same content.";
        });
        doc.Response(StatusCodes.Status201Created, "Stored. `Location` is the dossier.", OperationDoc.Json, accepted,
            [new Example("created", "Stored as the dossier's first event", OperationDoc.Wire(new EventAccepted("hb-onestop-000123", EventExamples.Dossier, 1)))],
            new Dictionary<string, IOpenApiHeader> { ["Location"] = OperationDoc.Header("/api/dossiers/{dossierCode}", JsonSchemaType.String) });
        doc.Response(StatusCodes.Status200OK, "Already stored with the same content (a retry): nothing stored twice.", OperationDoc.Json, accepted,
            [new Example("duplicate", "A retry of a stored event", OperationDoc.Wire(new EventAccepted("hb-onestop-000123", EventExamples.Dossier, 1, Duplicate: true)))]);

        doc.ValidationProblem("One or more fields are not valid; see errors.", new()
        {
            ["occurredAt"] = ["occurredAt must be an ISO 8601 timestamp with an offset, e.g. 2022-08-01T09:15:00+07:00."],
            ["channel"] = ["channel must be one of: online, direct, postal."],
            ["dueAt"] = [$"dueAt must lie in {DossierTracker.Calendar.SupportedYears.Description}."],
            ["$.note"] = [DossierTracker.Ingestion.JsonUnicode.ErrorAt("$.note")],
        });
        doc.Problems(ProblemCatalogue.MalformedJson, ProblemCodes.OutOfScopeUnit,
            ProblemCodes.EventIdConflict, ProblemCodes.DossierNotReceived, ProblemCodes.DossierExists, ProblemCodes.DossierClosed,
            ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType,
            ProblemCodes.UnknownUnit, ProblemCodes.UnknownProcedure, ProblemCodes.DueBeforeReceived, ProblemCodes.FutureEvent,
            ProblemCodes.OccurredBeforeReceived);
    }

    /// <summary>The <c>oneOf</c> of the nine event types, discriminated by <c>type</c>.</summary>
    private static IOpenApiSchema Union(OperationDoc doc) => doc.Component(EventSchema, () =>
    {
        var members = Types().ToDictionary(t => t.Type, t => (OpenApiSchemaReference)doc.Component(SchemaName(t.Type), () => TypeSchema(t.Type, t.Meaning, t.Fields)));
        return new OpenApiSchema
        {
            Description = "A dossier lifecycle event; `type` says which. Common fields: eventId (the idempotency key), type, dossierCode, occurredAt.",
            OneOf = [.. members.Values],
            Discriminator = new OpenApiDiscriminator { PropertyName = "type", Mapping = members },
        };
    });

    private static OpenApiSchema TypeSchema(string type, string meaning, (string Name, OpenApiSchema Schema, bool Required)[] fields)
    {
        (string Name, OpenApiSchema Schema, bool Required)[] common =
        [
            ("eventId", Schemas.Code("The sender's unique id of the event: the idempotency key. A retry with the same content is answered 200 duplicate."), true),
            ("type", Schemas.Enum("The event type.", [type]), true),
            ("dossierCode", Schemas.DossierCode("The dossier (hồ sơ) code."), true),
            ("occurredAt", Schemas.Timestamp("When it happened; at most 5 minutes ahead of the tracker's clock, and not before the dossier's receipt."), true),
        ];
        var all = common.Concat(fields).ToArray();
        return Schemas.Object($"`{type}`: {meaning}", all.Select(f => (f.Name, (IOpenApiSchema)f.Schema)),
            [.. all.Where(f => f.Required).Select(f => f.Name)]);
    }

    public static string SchemaName(string type) => char.ToUpperInvariant(type[0]) + type[1..] + "Event";

    private static OpenApiSchema Note(string description) =>
        Schemas.Text(description + " Line breaks allowed, no other control characters.", EventParser.MaxTextLength);

    private static BatchResponse SampleBatchResponse() => new(
    [
        new BatchItemResult(0, "hb-onestop-000140", "created"),
        new BatchItemResult(1, "hb-onestop-000141", "duplicate"),
        new BatchItemResult(2, "hb-onestop-000142", "rejected",
            Problems.Details(ProblemCodes.DossierClosed, $"Dossier '{EventExamples.Unit}-220802-0004' is closed (withdrawn).")),
    ]);
}
