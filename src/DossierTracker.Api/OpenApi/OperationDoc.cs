using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// One operation being documented. Wolverine endpoints that read their own body or return <c>IResult</c> leave the
/// generated operation without bodies and with a placeholder response; the area files fill them in through this.
/// </summary>
internal sealed class OperationDoc(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
{
    public const string Json = "application/json";

    public OpenApiOperation Operation { get; } = operation;
    public OpenApiDocument Document { get; } = context.Document ?? throw new InvalidOperationException("The operation has no document.");
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The schema the framework generates from a C# type the endpoint really returns or reads, as a named component.</summary>
    public async Task<IOpenApiSchema> SchemaOf<T>(Action<OpenApiSchema>? refine = null)
    {
        var name = typeof(T).Name;
        if (Document.Components?.Schemas?.ContainsKey(name) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, CancellationToken);
            refine?.Invoke(schema);
            Document.AddComponent<IOpenApiSchema>(name, schema);
        }
        return new OpenApiSchemaReference(name, Document);
    }

    /// <summary>A hand-written schema as a named component, created once per document.</summary>
    public IOpenApiSchema Component(string name, Func<IOpenApiSchema> create) => Component(Document, name, create);

    public static IOpenApiSchema Component(OpenApiDocument document, string name, Func<IOpenApiSchema> create)
    {
        if (document.Components?.Schemas?.ContainsKey(name) != true) document.AddComponent(name, create());
        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>Describes a parameter the endpoint reads, replacing the generated untyped one in place (or adding it).</summary>
    public void Parameter(string name, ParameterLocation location, IOpenApiSchema schema, string description, bool required = false, JsonNode? example = null)
    {
        var parameter = new OpenApiParameter
        {
            Name = name,
            In = location,
            Required = required || location == ParameterLocation.Path,
            Description = description,
            Schema = schema,
            Example = example,
        };
        Operation.Parameters ??= [];
        var index = Operation.Parameters.ToList().FindIndex(p => p.Name == name && p.In == location);
        if (index >= 0) Operation.Parameters[index] = parameter;
        else Operation.Parameters.Add(parameter);
    }

    public void Query(string name, IOpenApiSchema schema, string description, bool required = false) =>
        Parameter(name, ParameterLocation.Query, schema, description, required);

    public void Body(string description, IOpenApiSchema schema, IEnumerable<Example> examples) =>
        Operation.RequestBody = new OpenApiRequestBody
        {
            Description = description,
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [Json] = Media(schema, examples) },
        };

    /// <summary>A successful response.</summary>
    public void Response(int status, string description, string mediaType, IOpenApiSchema schema,
        IEnumerable<Example>? examples = null, IDictionary<string, IOpenApiHeader>? headers = null)
    {
        Operation.Responses ??= [];
        Operation.Responses[Key(status)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = Media(schema, examples ?? []) },
            Headers = headers,
        };
    }

    /// <summary>One more media type of a response already described (the same data as CSV, say).</summary>
    public void AlsoAs(int status, string mediaType, IOpenApiSchema schema, IEnumerable<Example>? examples = null,
        IDictionary<string, IOpenApiHeader>? headers = null)
    {
        var response = (OpenApiResponse)Operation.Responses![Key(status)];
        response.Content![mediaType] = Media(schema, examples ?? []);
        foreach (var (name, header) in headers ?? new Dictionary<string, IOpenApiHeader>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[name] = header;
        }
    }

    /// <summary>Problem responses for these problem codes, grouped by status (see <see cref="ProblemDocumentation"/>).</summary>
    public void Problems(params string[] codes) => ProblemDocumentation.Add(this, codes);

    /// <summary>The 400 <c>validation</c> problem with an example of this endpoint's own field errors.</summary>
    public void ValidationProblem(string detail, Dictionary<string, string[]> errors) => ProblemDocumentation.AddValidation(this, detail, errors);

    public static OpenApiMediaType Media(IOpenApiSchema schema, IEnumerable<Example> examples)
    {
        var media = new OpenApiMediaType { Schema = schema };
        foreach (var example in examples)
        {
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[example.Name] = new OpenApiExample { Summary = example.Summary, Value = example.Value };
        }
        return media;
    }

    /// <summary>
    /// An example value exactly as the API writes it: the real response object serialised with the API's options, by its
    /// runtime type as the endpoints do (a validation problem keeps its <c>errors</c>).
    /// </summary>
    public static JsonNode Wire(object value) => JsonSerializer.SerializeToNode(value, value.GetType(), ApiJson.Options)!;

    public static OpenApiHeader Header(string description, JsonSchemaType type) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };

    public static string Key(int status) => status.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A named example of a body.</summary>
internal sealed record Example(string Name, string Summary, JsonNode Value);
