using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Procedures;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>What the report scenarios share: posting a dossier's story, asking for reports, reading their rows.</summary>
public abstract class ReportScenario(TrackerApp app) : ApiScenario(app)
{
    protected async Task Story(string code, string unit, string receivedAt, string dueAt, string procedure = TestProvince.BirthRegistration,
        string channel = "online", params (string Type, string At)[] events)
    {
        await PostOkAsync(Received(code, receivedAt, unitCode: unit, procedureCode: procedure, channel: channel, dueAt: dueAt));
        foreach (var (type, at) in events)
            await PostOkAsync(Event(type, code, at, fields: type == "paused" ? [("reason", "supplement")] : []));
    }

    protected async Task<JsonObject> JsonAsync(string url, string? key = null)
    {
        var response = await GetAsync(url, key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected Task<JsonObject> Form06Async(string query) => JsonAsync($"/api/reports/form06?{query}");

    protected static List<JsonObject> Rows(JsonObject report, string? kind = null) =>
        report["rows"]!.AsArray().Select(r => r!.AsObject()).Where(r => kind is null || r["kind"]!.GetValue<string>() == kind).ToList();

    protected static JsonObject Total(JsonObject report) => Rows(report, "total").Single();

    protected static JsonObject UnitRow(JsonObject report, string unitCode) =>
        Rows(report, "unit").Single(r => r["unitCode"]?.GetValue<string>() == unitCode);

    protected static int F(JsonObject row, string figure) => row[figure]!.GetValue<int>();

    protected static string? S(JsonNode? node) => node?.GetValue<string>();

    /// <summary>
    /// Gives procedures a field (lĩnh vực) in the stored reference data. Written to the store directly because this
    /// branch's <c>PUT /api/procedures</c> does not take <c>field</c> yet (branch h15-fields adds it); the report reads
    /// fields from the same documents either way.
    /// </summary>
    protected async Task GiveFieldsAsync(params (string Procedure, string FieldCode, string FieldName)[] fields)
    {
        var cache = App.Host.Services.GetRequiredService<ReferenceDataCache>();
        var procedures = (await cache.RefreshAsync(CancellationToken.None)).Procedures;
        await using (var session = App.Store.LightweightSession())
        {
            foreach (var (procedure, code, name) in fields) session.Store(procedures[procedure] with { Field = new ProcedureField(code, name) });
            await session.SaveChangesAsync();
        }
        await cache.RefreshAsync(CancellationToken.None);
    }
}
