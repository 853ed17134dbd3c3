using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>Reads the trail back over <c>GET /api/audit</c>, as the province admin unless told otherwise.</summary>
public abstract class AuditScenario(TrackerApp app) : ApiScenario(app)
{
    protected async Task<JsonObject> AuditAsync(string query = "", string? key = null)
    {
        var response = await GetAsync("/api/audit" + (query.Length > 0 ? "?" + query : ""), key ?? AdminKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected async Task<List<JsonObject>> EntriesAsync(string query = "", string? key = null) =>
        (await AuditAsync(query, key))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

    protected static string Text(JsonNode? node, string path)
    {
        var current = node;
        foreach (var name in path.Split('.')) current = current?[name];
        return current?.GetValue<string>() ?? "";
    }
}
