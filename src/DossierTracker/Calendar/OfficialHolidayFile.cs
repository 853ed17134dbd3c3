using System.Text.Json;

namespace DossierTracker.Calendar;

/// <summary>
/// The shape of <c>official-holidays.json</c>. Ranges stay as written in the government notice
/// (first and last day, or a single day) so the data file can be checked against it by eye.
/// </summary>
internal sealed record OfficialHolidayFile(string About, string OtherYears, IReadOnlyList<OfficialHolidayEntry> Years)
{
    private const string ResourceName = "DossierTracker.Calendar.official-holidays.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A missing or null field is a broken data file; fail at load rather than treat it as "no holidays".
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static OfficialHolidayFile LoadEmbedded()
    {
        using var stream = typeof(OfficialHolidayFile).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        return Parse(stream);
    }

    public static OfficialHolidayFile Parse(Stream json) =>
        JsonSerializer.Deserialize<OfficialHolidayFile>(json, Options)
        ?? throw new InvalidOperationException("The official holiday file is empty.");
}
