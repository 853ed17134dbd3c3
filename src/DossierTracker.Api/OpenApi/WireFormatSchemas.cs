using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>
/// Makes schemas generated from C# records say what the API actually writes (<see cref="Http.ApiJson"/>):
/// numbers as numbers (the web defaults would also <em>read</em> them from strings), timestamps as strings (our own
/// converter hides that from the generator), enums as strings, and nulls left out rather than written — so a nullable
/// property is optional, unless it is declared to be always written.
/// </summary>
internal sealed class WireFormatSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        NumbersAsNumbers(schema);
        TypeWhatOurConvertersWrite(schema, context.JsonPropertyInfo);
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object) NullsLeftOutAreOptional(schema, context.JsonTypeInfo);
        return Task.CompletedTask;
    }

    private static void NumbersAsNumbers(OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String)
            || !(type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
            return;
        schema.Type = type & ~JsonSchemaType.String;
        schema.Pattern = null;
    }

    private static void TypeWhatOurConvertersWrite(OpenApiSchema schema, JsonPropertyInfo? property)
    {
        if (schema.Type is not null) return;
        if (schema.Format == "date-time")
            schema.Type = JsonSchemaType.String | (WritesNull(property) ? JsonSchemaType.Null : 0);
        else if (schema.Enum is { Count: > 0 } values)
            schema.Type = JsonSchemaType.String | (values.Any(v => v is null) ? JsonSchemaType.Null : 0);
    }

    private static void NullsLeftOutAreOptional(OpenApiSchema schema, JsonTypeInfo type)
    {
        if (schema.Required is not { Count: > 0 } required) return;
        foreach (var property in type.Properties.Where(p => IsNullable(p) && !WritesNull(p)))
            required.Remove(property.Name);
    }

    private static bool IsNullable(JsonPropertyInfo property) =>
        property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;

    /// <summary>Null is written only where a property overrides the API's "leave nulls out" default.</summary>
    private static bool WritesNull(JsonPropertyInfo? property)
    {
        if (property is null || !IsNullable(property)) return false;
        var ignore = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true)
            .OfType<JsonIgnoreAttribute>().FirstOrDefault()?.Condition ?? property.Options.DefaultIgnoreCondition;
        return ignore == JsonIgnoreCondition.Never;
    }
}
