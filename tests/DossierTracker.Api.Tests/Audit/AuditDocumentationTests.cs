using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>The OpenAPI document states the optional reason of every audited change and the audit filters the endpoint reads.</summary>
public sealed class AuditDocumentationTests(TrackerApp app) : AuditScenario(app)
{
    [Theory]
    [InlineData("/api/units", "put")]
    [InlineData("/api/procedures", "put")]
    [InlineData("/api/calendar/{year}", "put")]
    public async Task audited_changes_document_an_optional_reason(string path, string method)
    {
        var reason = (await ParametersAsync(path, method)).Single(p => p["name"]!.GetValue<string>() == "reason");

        reason["in"]!.GetValue<string>().ShouldBe("query");
        reason["required"]?.GetValue<bool>().ShouldNotBe(true);
        reason["schema"]!["maxLength"]!.GetValue<int>().ShouldBe(AuditedChange.MaxReasonLength);
    }

    [Fact]
    public async Task the_audit_endpoint_documents_each_filter_and_every_action()
    {
        var parameters = await ParametersAsync("/api/audit", "get");

        parameters.Select(p => p["name"]!.GetValue<string>()).Order()
            .ShouldBe(new[] { "action", "actor", "from", "page", "pageSize", "subject", "to", "unit" });
        parameters.Single(p => p["name"]!.GetValue<string>() == "action")["schema"]!["enum"]!.AsArray()
            .Select(v => v!.GetValue<string>()).ShouldBe(AuditActions.All);
    }

    private async Task<List<JsonObject>> ParametersAsync(string path, string method)
    {
        var document = (await App.Client().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        return document["paths"]![path]![method]!["parameters"]!.AsArray().Select(p => p!.AsObject()).ToList();
    }
}
