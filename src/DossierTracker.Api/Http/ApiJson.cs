using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DossierTracker.Calendar;

namespace DossierTracker.Api.Http;

/// <summary>The wire format of the HTTP contract: camelCase, kebab-case enum values, timestamps shown at +07:00.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new LocalTimestampConverter());
        return options;
    }

    /// <summary>Instants are stored as such and shown back in Vietnam's local offset (contract: Conventions).</summary>
    private sealed class LocalTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Timestamps.TryParse(reader.GetString(), out var value) ? value : throw new JsonException("A timestamp needs an offset.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(VietnamTime.ToLocal(value).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture));
    }
}
