using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Microsoft.OpenApi;

namespace DossierTracker.Api.OpenApi;

/// <summary>Small constructors for hand-written schemas (event bodies, query parameters), and helpers to refine generated ones.</summary>
internal static class Schemas
{
    public static readonly string TimestampRule =
        "ISO 8601 with an offset, e.g. 2022-08-01T09:15:00+07:00 or 2022-08-01T02:15:00Z; without an offset it is refused (400). " +
        $"Accepted in {SupportedYears.Description}; outside them refused (400).";

    /// <summary>The alphabet of <see cref="DossierCodes"/> as a pattern, for every place a dossier code comes in.</summary>
    public const string DossierCodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";

    public static OpenApiSchema Text(string description, int? maxLength = null, int? minLength = null) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        MinLength = minLength,
        MaxLength = maxLength,
    };

    /// <summary>An identifier: 1–100 characters, no surrounding spaces or control characters.</summary>
    public static OpenApiSchema Code(string description) =>
        Text(description + " 1–100 characters, without surrounding spaces or control characters.", Ingesting.EventParser.MaxCodeLength, 1);

    public static OpenApiSchema DossierCode(string description) => new()
    {
        Type = JsonSchemaType.String,
        Description = $"{description} {DossierCodes.Alphabet}; anything else (invisible characters, spaces, '/', '..') is refused (400).",
        MinLength = 1,
        MaxLength = DossierCodes.MaxLength,
        Pattern = DossierCodePattern,
    };

    public static OpenApiSchema Timestamp(string description) => new()
    {
        Type = JsonSchemaType.String,
        Format = "date-time",
        Description = $"{description} {TimestampRule}",
    };

    public static OpenApiSchema Date(string description) => new()
    {
        Type = JsonSchemaType.String,
        Format = "date",
        Description = description + $" Local date (Asia/Ho_Chi_Minh), YYYY-MM-DD, in {SupportedYears.Description}; outside them refused (400).",
    };

    public static OpenApiSchema Month(string description) => new()
    {
        Type = JsonSchemaType.String,
        Pattern = @"^\d{4}-(0[1-9]|1[0-2])$",
        Description = $"{description} YYYY-MM, from {Reporting.ReportMonth.FirstYear}-01 to {Reporting.ReportMonth.LastYear}-12.",
    };

    public static OpenApiSchema Boolean(string description) => new()
    {
        Type = JsonSchemaType.Boolean,
        Description = description,
    };

    public static OpenApiSchema Integer(string description, int minimum, int maximum, int? defaultValue = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Description = description,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = defaultValue is { } value ? JsonValue.Create(value) : null,
    };

    public static OpenApiSchema Number(string description, double exclusiveMinimum, double maximum, double defaultValue) => new()
    {
        Type = JsonSchemaType.Number,
        Description = description,
        ExclusiveMinimum = exclusiveMinimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(defaultValue),
    };

    /// <summary>The values as the API spells them (<see cref="WireNames"/>), so the document cannot drift from the parser.</summary>
    public static OpenApiSchema Enum<TEnum>(string description, TEnum? defaultValue = null, JsonNamingPolicy? spelling = null)
        where TEnum : struct, System.Enum =>
        Enum(description, WireNames.All<TEnum>(spelling), defaultValue is { } value ? WireNames.Of(value, spelling) : null);

    public static OpenApiSchema Enum(string description, IEnumerable<string> values, string? defaultValue = null) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
        Default = defaultValue is null ? null : JsonValue.Create(defaultValue),
    };

    public static OpenApiSchema ArrayOf(IOpenApiSchema items, string? description = null, int? maxItems = null) => new()
    {
        Type = JsonSchemaType.Array,
        Description = description,
        Items = items,
        MaxItems = maxItems,
    };

    public static OpenApiSchema Object(string? description, IEnumerable<(string Name, IOpenApiSchema Schema)> properties, params string[] required) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema),
        Required = required.Length == 0 ? null : new HashSet<string>(required, StringComparer.Ordinal),
    };

    /// <summary>A property of a generated schema, to refine it.</summary>
    public static OpenApiSchema Property(OpenApiSchema schema, string name) =>
        (schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? property : null) as OpenApiSchema
        ?? throw new InvalidOperationException($"The schema has no inline property '{name}'.");

    /// <summary>Replaces a property of a generated schema whose C# type says less than the wire does.</summary>
    public static void Replace(OpenApiSchema schema, string name, IOpenApiSchema replacement)
    {
        Property(schema, name);
        schema.Properties![name] = replacement;
    }

    /// <summary>The item schema of an array property of a generated schema.</summary>
    public static OpenApiSchema ItemsOf(OpenApiSchema schema, string name) =>
        Property(schema, name).Items as OpenApiSchema ?? throw new InvalidOperationException($"'{name}' has no inline item schema.");

    /// <summary>Adds descriptions to properties of a generated schema; naming a property it lacks is an error, so they cannot drift apart.</summary>
    public static void Describe(OpenApiSchema schema, string? description, params (string Property, string Description)[] properties)
    {
        if (description is not null) schema.Description = description;
        foreach (var (name, text) in properties) Property(schema, name).Description = text;
    }

    public static void Length(OpenApiSchema schema, string name, int minLength, int maxLength)
    {
        var property = Property(schema, name);
        property.MinLength = minLength;
        property.MaxLength = maxLength;
    }

    /// <summary>
    /// Marks properties of a generated request schema required and not null. The request records are nullable only so
    /// that the endpoint can name every missing field itself.
    /// </summary>
    public static void Require(OpenApiSchema schema, params string[] names)
    {
        schema.Required = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var property in names.Select(name => Property(schema, name)))
        {
            if (property.Type is { } type) property.Type = type & ~JsonSchemaType.Null;
            if (property.Enum is { } values) property.Enum = [.. values.Where(v => v is not null)];
        }
    }
}
