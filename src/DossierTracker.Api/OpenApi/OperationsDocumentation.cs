using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// The health probes and the metrics endpoint: plain ASP.NET Core endpoints the framework does not describe. The probes
/// are open to orchestrators without a key; metrics need an admin key unless <c>Metrics:Anonymous</c> is set.
/// </summary>
internal static class OperationsDocumentation
{
    public const string Tag = "Operations";

    public static void AddTo(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths["/health/live"] = Get(document, "HealthLive", "Liveness", "The process answers. Never touches the database.",
            Healthy(new JsonObject()));
        document.Paths["/health/ready"] = Get(document, "HealthReady", "Readiness", "The process answers and so does the database; 503 otherwise.",
            Healthy(new JsonObject { ["postgresql"] = "healthy" }), DatabaseUnavailable(document));
        var metrics = Get(document, "Metrics", "Prometheus metrics",
            "Counts only, no dossier data: events stored, refused (by problem type) and duplicated, dossiers the tracker marked late " +
            "and the delay of that detection, plus ASP.NET Core, .NET runtime and Npgsql metrics.\n\n**Authorization**: a key with role " +
            "`admin` (no key needed when the service runs with `Metrics:Anonymous=true`).",
            ("200", new OpenApiResponse
            {
                Description = "The Prometheus text exposition format.",
                Content = new Dictionary<string, OpenApiMediaType> { ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
            }));
        metrics.Operations![HttpMethod.Get].Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityDocumentation.BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecurityDocumentation.HeaderScheme, document)] = [] },
        ];
        document.Paths["/metrics"] = metrics;
    }

    private static (string, IOpenApiResponse) Healthy(JsonObject checks) => ("200", new OpenApiResponse
    {
        Description = "Healthy.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [OperationDoc.Json] = new()
            {
                Schema = Schemas.Object(null,
                [
                    ("status", Schemas.Enum("Always `healthy` with 200.", ["healthy"])),
                    ("checks", new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "Check name → status.",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
                    }),
                ], "status", "checks"),
                Example = new JsonObject { ["status"] = "healthy", ["checks"] = checks },
            },
        },
    });

    private static (string, IOpenApiResponse) DatabaseUnavailable(OpenApiDocument document) => ("503", new OpenApiResponse
    {
        Description = $"Problem details:\n- `{ProblemCatalogue.DatabaseUnavailable}`: {ProblemCatalogue.Get(ProblemCatalogue.DatabaseUnavailable).Title}",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [Problems.ContentType] = new()
            {
                Schema = ProblemDocumentation.Schema(document),
                Example = OperationDoc.Wire(Problems.Details(ProblemCatalogue.DatabaseUnavailable, "The database is not answering.")),
            },
        },
        Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = OperationDoc.Header("Seconds to wait before retrying.", JsonSchemaType.Integer) },
    });

    private static OpenApiPathItem Get(OpenApiDocument document, string operationId, string summary, string description,
        params (string Status, IOpenApiResponse Response)[] responses)
    {
        var operation = new OpenApiOperation
        {
            OperationId = operationId,
            Summary = summary,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
            Responses = [],
        };
        foreach (var (status, response) in responses) operation.Responses.Add(status, response);
        return new OpenApiPathItem { Operations = new() { [HttpMethod.Get] = operation } };
    }
}
