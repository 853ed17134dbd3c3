using System.Net;
using System.Text.Json.Nodes;
using DossierTracker.Api.Http;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Ingestion;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.OpenApi;

/// <summary>
/// /openapi/v1.json describes every endpoint the app maps, and its examples are real: posted to the running tracker
/// (with the test province's codes), they are accepted.
/// </summary>
public sealed class OpenApiDocumentTests(TrackerApp app) : ApiScenario(app)
{
    private const string ProblemSchemaRef = "#/components/schemas/ProblemDetails";

    [Fact]
    public async Task every_api_route_the_app_maps_is_documented_with_its_method()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        var missing = ApiRoutes().Where(r => paths[r.Path]?[r.Method] is null).Select(r => $"{r.Method} {r.Path}").ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_api_operation_has_a_summary_a_described_success_and_security()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var name = $"{method} {path}";
            operation.ToJsonString().ShouldNotContain("IResult",
                customMessage: $"{name} keeps the framework's placeholder response: describe it in OpenApi/EndpointDocumentation.cs");
            var summary = operation["summary"]?.GetValue<string>();
            summary.ShouldNotBeNullOrWhiteSpace(name);
            summary.ShouldNotContain("_api_", customMessage: name); // Wolverine's placeholder, e.g. GET_api_units
            var success = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            success.ShouldNotBeEmpty(name);
            success.ShouldAllBe(r => r.Value!["content"]!.AsObject().All(c => c.Value!["schema"] != null), name);
            operation["responses"]!["401"].ShouldNotBeNull(name);
            operation["security"]!.AsArray().Count.ShouldBe(2, name);
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var description = parameter!["description"]?.GetValue<string>();
                description.ShouldNotBeNullOrWhiteSpace($"{name} {parameter["name"]}");
            }
        }
    }

    [Fact]
    public async Task event_body_is_a_one_of_the_nine_event_types_with_an_example_of_each()
    {
        var document = await DocumentAsync();
        var body = document["paths"]!["/api/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!;

        var union = Resolve(document, body["schema"]!);
        union["oneOf"]!.AsArray().Count.ShouldBe(EventTypes.All.Count);
        union["discriminator"]!["propertyName"]!.GetValue<string>().ShouldBe("type");
        body["examples"]!.AsObject().Select(e => e.Key).ShouldBe(EventTypes.All);
    }

    [Fact]
    public async Task event_examples_carry_their_type_schema_required_fields_and_no_undeclared_ones()
    {
        var document = await DocumentAsync();

        foreach (var example in EventExamples(document))
        {
            var schema = TypeSchema(document, example["type"]!.GetValue<string>());
            var declared = schema["properties"]!.AsObject().Select(p => p.Key).ToList();
            schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBeSubsetOf(example.Select(f => f.Key));
            example.Select(f => f.Key).ShouldBeSubsetOf(declared);
        }
    }

    [Fact]
    public async Task event_schemas_state_the_parsers_required_fields_lengths_and_values()
    {
        var document = await DocumentAsync();

        foreach (var example in EventExamples(document))
        {
            var schema = TypeSchema(document, example["type"]!.GetValue<string>());
            ParseErrors(example).ShouldBeEmpty();
            foreach (var required in schema["required"]!.AsArray().Select(r => r!.GetValue<string>()))
                ParseErrors(With(example, required, null)).ShouldContainKey(required);
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                if (property!["maxLength"]?.GetValue<int>() is { } max)
                {
                    ParseErrors(With(example, name, new string('a', max))).ShouldNotContainKey(name);
                    ParseErrors(With(example, name, new string('a', max + 1))).ShouldContainKey(name);
                }
                foreach (var value in property["enum"]?.AsArray() ?? [])
                    ParseErrors(With(example, name, value!.DeepClone())).ShouldBeEmpty($"{name} = {value}");
            }
        }
    }

    [Fact]
    public async Task event_examples_posted_in_order_are_each_accepted()
    {
        var receivedDossiers = new HashSet<string>();
        foreach (var example in EventExamples(await DocumentAsync()).Select(ForTestProvince))
        {
            var dossier = example["dossierCode"]!.GetValue<string>();
            // The withdrawn and stopped examples are about other dossiers: those are received like the first one.
            if (example["type"]!.GetValue<string>() != EventTypes.Received && !receivedDossiers.Contains(dossier))
                await PostOkAsync(ReceivedLikeTheExample(dossier));
            receivedDossiers.Add(dossier);

            await PostOkAsync(example);
        }
    }

    [Fact]
    public async Task batch_example_is_accepted_event_by_event()
    {
        var body = (await DocumentAsync())["paths"]!["/api/events/batch"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        var batch = body["examples"]!["mixed"]!["value"]!.DeepClone().AsObject();
        foreach (var example in batch["events"]!.AsArray()) ForTestProvince(example!.AsObject());

        var response = await SendRawAsync(HttpMethod.Post, "/api/events/batch", batch.ToJsonString(), IngestKey);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray();
        results.Select(r => r!["status"]!.GetValue<string>()).ShouldAllBe(s => s == "created");
    }

    [Fact]
    public async Task problem_responses_use_the_problem_schema_and_name_catalogued_types()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => int.Parse(r.Key) >= 400))
            {
                var name = $"{method} {path} {status}";
                var content = response!["content"]?.AsObject();
                content.ShouldNotBeNull($"{name} has no problem details");
                content.Select(c => c.Key).ShouldBe([Problems.ContentType], customMessage: name);
                content[Problems.ContentType]!["schema"]!["$ref"]!.GetValue<string>().ShouldBe(ProblemSchemaRef, name);
                ProblemExamples(content[Problems.ContentType]!).ShouldNotBeEmpty(name);
                foreach (var example in ProblemExamples(content[Problems.ContentType]!))
                {
                    var type = example["type"]!.GetValue<string>();
                    type.ShouldStartWith(ProblemCatalogue.TypeBase, customMessage: name);
                    var entry = ProblemCatalogue.Get(type[ProblemCatalogue.TypeBase.Length..]);
                    entry.Status.ShouldBe(int.Parse(status), name);
                    example["status"]!.GetValue<int>().ShouldBe(entry.Status, name);
                    example["title"]!.GetValue<string>().ShouldBe(entry.Title, name);
                }
            }
        }
    }

    [Fact]
    public async Task ingestion_documents_every_refusal_of_the_contract()
    {
        var responses = (await DocumentAsync())["paths"]!["/api/events"]!["post"]!["responses"]!;

        var codes = responses.AsObject().Where(r => int.Parse(r.Key) >= 400)
            .SelectMany(r => ProblemExamples(r.Value!["content"]![Problems.ContentType]!))
            .Select(e => e["type"]!.GetValue<string>()[ProblemCatalogue.TypeBase.Length..]);

        codes.ShouldBe(
        [
            ProblemCatalogue.Validation, ProblemCatalogue.MalformedJson, ProblemCatalogue.Unauthorized, ProblemCatalogue.Forbidden,
            ProblemCodes.OutOfScopeUnit, ProblemCodes.EventIdConflict, ProblemCodes.DossierNotReceived, ProblemCodes.DossierExists,
            ProblemCodes.DossierClosed, ProblemCatalogue.PayloadTooLarge, ProblemCatalogue.UnsupportedMediaType, ProblemCodes.UnknownUnit,
            ProblemCodes.UnknownProcedure, ProblemCodes.DueBeforeReceived, ProblemCodes.FutureEvent, ProblemCodes.OccurredBeforeReceived,
            ProblemCatalogue.TooManyRequests, ProblemCatalogue.DatabaseUnavailable, ProblemCatalogue.Overloaded,
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("/api/dossiers/late")]
    [InlineData("/api/dossiers/due-soon")]
    public async Task documented_csv_columns_are_the_ones_the_list_sends(string path)
    {
        var documented = (await DocumentAsync())["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]!["examples"]!["page"]!["value"]!
            .GetValue<string>();

        var response = await GetAsync(path + "?format=csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        FirstLine((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF')).ShouldBe(FirstLine(documented));
    }

    [Fact]
    public async Task health_probes_are_documented_without_a_key_and_metrics_with_one()
    {
        var paths = (await DocumentAsync())["paths"]!;

        foreach (var probe in new[] { "/health/live", "/health/ready" })
        {
            paths[probe]!["get"].ShouldNotBeNull(probe);
            paths[probe]!["get"]!["security"].ShouldBeNull(probe);
        }
        paths["/metrics"]!["get"]!["security"].ShouldNotBeNull();
    }

    private async Task<JsonObject> DocumentAsync()
    {
        var response = await GetAnonymousAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Every route under /api the running app maps, with each of its methods, spelled as OpenAPI paths are.</summary>
    private List<(string Path, string Method)> ApiRoutes()
    {
        var endpoints = App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .ToList();
        endpoints.ShouldNotBeEmpty();
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                (OpenApiPath(e.RoutePattern), m.ToLowerInvariant())))
            .ToList();
    }

    /// <summary>"/api/calendar/{year:int}" → "/api/calendar/{year}".</summary>
    private static string OpenApiPath(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation =>
            (path.Key, operation.Key, operation.Value!.AsObject())));

    private static List<JsonObject> EventExamples(JsonObject document) =>
        document["paths"]!["/api/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject()
            .Select(e => e.Value!["value"]!.DeepClone().AsObject()).ToList();

    private static List<JsonNode> ProblemExamples(JsonNode media) =>
        media["examples"] is JsonObject examples ? [.. examples.Select(e => e.Value!["value"]!)] : media["example"] is { } one ? [one] : [];

    private static JsonObject TypeSchema(JsonObject document, string type)
    {
        var union = Resolve(document, document["paths"]!["/api/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        return Resolve(document, union["discriminator"]!["mapping"]![type]!);
    }

    /// <summary>Follows a "$ref" (or a mapping's bare reference) to its component.</summary>
    private static JsonObject Resolve(JsonObject document, JsonNode schemaOrRef)
    {
        var reference = schemaOrRef is JsonValue value ? value.GetValue<string>() : schemaOrRef["$ref"]?.GetValue<string>();
        return reference is null ? schemaOrRef.AsObject() : document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }

    /// <summary>The examples' codes, swapped for the test province's (the procedure code is shared).</summary>
    private static JsonObject ForTestProvince(JsonObject example)
    {
        if (example.ContainsKey("unitCode")) example["unitCode"] = TestProvince.Justice;
        if (example.ContainsKey("procedureCode")) example["procedureCode"] = TestProvince.BirthRegistration;
        return example;
    }

    private static Dictionary<string, object?> ReceivedLikeTheExample(string dossierCode) =>
        Received(dossierCode, occurredAt: "2022-08-01T09:15:00+07:00", dueAt: "2022-08-04T09:15:00+07:00");

    private static Dictionary<string, string[]> ParseErrors(JsonObject @event)
    {
        using var json = System.Text.Json.JsonDocument.Parse(@event.ToJsonString());
        return EventParser.Parse(json.RootElement).Errors;
    }

    private static JsonObject With(JsonObject example, string field, JsonNode? value)
    {
        var copy = example.DeepClone().AsObject();
        copy[field] = value;
        return copy;
    }

    private static string FirstLine(string text) => text.Split("\r\n")[0];
}
