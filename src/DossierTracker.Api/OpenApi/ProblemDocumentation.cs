using DossierTracker.Api.Http;
using DossierTracker.Ingestion;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// Problem responses: one shared RFC 9457 schema, and per status the problem codes an operation can answer with, each
/// with an example built by the same code that builds real problems (<see cref="Http.Problems"/>). Codes, statuses
/// and titles come from <see cref="ProblemCatalogue"/>.
/// </summary>
internal static class ProblemDocumentation
{
    public const string SchemaName = "ProblemDetails";

    private const string SampleDossier = EventExamples.Dossier;

    /// <summary>A plausible detail for each code, as the code that raises it words it.</summary>
    private static readonly Dictionary<string, string> SampleDetails = new()
    {
        [ProblemCatalogue.MalformedJson] = "The request body is not valid JSON (line 1, byte 14).",
        [ProblemCatalogue.UnsupportedMediaType] = "Send the body as application/json (UTF-8).",
        [ProblemCatalogue.PayloadTooLarge] = "The request body exceeds the limit of 1 MiB.",
        [ProblemCatalogue.Unauthorized] = "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
        [ProblemCatalogue.Forbidden] = "This key's role does not allow this request.",
        [ProblemCatalogue.DossierNotFound] = $"No dossier '{SampleDossier}' within this key's scope.",
        [ProblemCatalogue.TooManyRequests] = "This key sent more requests than its limit; retry after 1 s.",
        [ProblemCatalogue.DatabaseUnavailable] = "The database is not answering; retry shortly.",
        [ProblemCatalogue.Overloaded] = "The tracker is receiving more events than the database can store; retry shortly.",
        [ProblemCatalogue.DateOutOfRange] = new DossierTracker.Calendar.CalendarRangeException(2300).Message,
        [ProblemCatalogue.FieldNameConflict] = "A field code has one name: the procedures would give it two; nothing was stored. To rename a " +
            "field, send every procedure of that field with the new name in one request.",
        [ProblemCodes.EventIdConflict] = "eventId 'hb-onestop-000123' was already stored with different content.",
        [ProblemCodes.DossierNotReceived] = $"Dossier '{SampleDossier}' has not been received.",
        [ProblemCodes.DossierExists] = $"Dossier '{SampleDossier}' was already received.",
        [ProblemCodes.DossierClosed] = $"Dossier '{SampleDossier}' is closed (resolved).",
        [ProblemCodes.UnknownUnit] = "Unit '000.00.99.H22' is not in the organisation tree.",
        [ProblemCodes.UnknownProcedure] = "Procedure '9.999999' is not in the catalogue.",
        [ProblemCodes.DueBeforeReceived] = "dueAt is before occurredAt.",
        [ProblemCodes.FutureEvent] = "occurredAt 2030-08-01T09:15:00.0000000+00:00 is more than 5 minutes ahead of the tracker's clock.",
        [ProblemCodes.OccurredBeforeReceived] = "occurredAt is before the dossier was received (2022-08-01T09:15:00.0000000+07:00).",
        [ProblemCodes.OutOfScopeUnit] = "Unit '000.00.12.H22' is outside this key's scope.",
    };

    public static IOpenApiSchema Schema(OpenApiDocument document) => OperationDoc.Component(document, SchemaName, () => Schemas.Object(
        "RFC 9457 problem details. `type` is a stable URI ending in the problem code; no stack traces or internals are ever included.",
        [
            ("type", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = $"{ProblemCatalogue.TypeBase}<code>" }),
            ("title", Schemas.Text("Short, fixed summary of the problem type.")),
            ("status", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." }),
            ("detail", Schemas.Text("What went wrong with this request.")),
            ("errors", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation problems only: field (or JSON path, or query parameter) → messages.",
                AdditionalProperties = Schemas.ArrayOf(new OpenApiSchema { Type = JsonSchemaType.String }),
            }),
        ],
        "type", "title", "status", "detail"));

    public static void Add(OperationDoc doc, IEnumerable<string> codes)
    {
        foreach (var code in codes)
            AddExample(doc, code, new Example(code, ProblemCatalogue.Get(code).Title,
                OperationDoc.Wire(Problems.Details(code, SampleDetails.GetValueOrDefault(code)))));
    }

    public static void AddValidation(OperationDoc doc, string detail, Dictionary<string, string[]> errors) =>
        AddExample(doc, ProblemCatalogue.Validation, new Example(ProblemCatalogue.Validation, ProblemCatalogue.Get(ProblemCatalogue.Validation).Title,
            OperationDoc.Wire(Problems.Details(ProblemCatalogue.Validation, detail, errors))));

    /// <summary>Adds the code to its status's response, creating the response on first use.</summary>
    private static void AddExample(OperationDoc doc, string code, Example example)
    {
        var entry = ProblemCatalogue.Get(code);
        var status = OperationDoc.Key(entry.Status);
        var line = $"`{code}`: {entry.Title}";
        doc.Operation.Responses ??= [];
        if (doc.Operation.Responses.GetValueOrDefault(status) is OpenApiResponse { Content: { } content } existing
            && content.TryGetValue(Http.Problems.ContentType, out var media))
        {
            if (media.Examples?.ContainsKey(code) == true) return;
            existing.Description += "\n- " + line;
            media.Examples![code] = new OpenApiExample { Summary = example.Summary, Value = example.Value };
            return;
        }
        doc.Operation.Responses[status] = new OpenApiResponse
        {
            Description = "Problem details:\n- " + line,
            Content = new Dictionary<string, OpenApiMediaType> { [Http.Problems.ContentType] = OperationDoc.Media(Schema(doc.Document), [example]) },
            Headers = HeadersFor(entry.Status),
        };
    }

    private static Dictionary<string, IOpenApiHeader>? HeadersFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => new() { ["WWW-Authenticate"] = OperationDoc.Header("`Bearer`.", JsonSchemaType.String) },
        StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable =>
            new() { ["Retry-After"] = OperationDoc.Header("Seconds to wait before retrying.", JsonSchemaType.Integer) },
        _ => null,
    };
}
