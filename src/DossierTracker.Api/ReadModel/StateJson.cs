using System.Text.Json;
using System.Text.Json.Serialization;

namespace DossierTracker.Api.ReadModel;

/// <summary>How a folded <see cref="Dossiers.Dossier"/> is kept in <c>tracker.dossiers.state</c>.</summary>
public static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
