using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// Base of HTTP scenario tests: every test starts from an empty store holding the test province, its procedures and
/// keys of each role, and talks to the tracker over its HTTP API only.
/// </summary>
[Collection(TrackerCollection.Name)]
public abstract class ApiScenario(TrackerApp app) : IAsyncLifetime
{
    protected TrackerApp App { get; } = app;
    protected string AdminKey { get; private set; } = "";
    protected string IngestKey { get; private set; } = "";
    protected string SupervisorKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        AdminKey = await App.CreateKeyAsync(Roles.Admin, TestProvince.Province, "test admin");
        IngestKey = await App.CreateKeyAsync(Roles.Ingest, TestProvince.Province, "test one-stop");
        SupervisorKey = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.Province, "test supervisor");
        (await SendAsync(HttpMethod.Put, "/api/units", TestProvince.Units, AdminKey)).EnsureSuccessStatusCode();
        (await SendAsync(HttpMethod.Put, "/api/procedures", TestProvince.Procedures, AdminKey)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string? key) =>
        SendRawAsync(method, url, body is null ? null : JsonSerializer.Serialize(body), key);

    protected async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string? json, string? key, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        using var client = App.Client(key);
        return await client.SendAsync(request);
    }

    protected Task<HttpResponseMessage> PostEventAsync(object body, string? key = null) =>
        SendAsync(HttpMethod.Post, "/api/events", body, key ?? IngestKey);

    /// <summary>GET with the province supervisor's key unless another is given.</summary>
    protected Task<HttpResponseMessage> GetAsync(string url, string? key = null) =>
        SendAsync(HttpMethod.Get, url, null, key ?? SupervisorKey);

    protected Task<HttpResponseMessage> GetAnonymousAsync(string url) => SendAsync(HttpMethod.Get, url, null, key: null);

    /// <summary>A valid <c>received</c> event; override any field with <paramref name="with"/>.</summary>
    protected static Dictionary<string, object?> Received(string dossierCode, string occurredAt = "2022-08-01T09:15:00+07:00",
        string unitCode = TestProvince.Justice, string procedureCode = TestProvince.BirthRegistration, string? eventId = null,
        string channel = "online", string? dueAt = null) => new()
    {
        ["eventId"] = eventId ?? $"{dossierCode}-received",
        ["type"] = "received",
        ["dossierCode"] = dossierCode,
        ["occurredAt"] = occurredAt,
        ["unitCode"] = unitCode,
        ["procedureCode"] = procedureCode,
        ["channel"] = channel,
        ["dueAt"] = dueAt,
    };

    /// <summary>Any other lifecycle event.</summary>
    protected static Dictionary<string, object?> Event(string type, string dossierCode, string occurredAt, string? eventId = null,
        params (string Name, object? Value)[] fields)
    {
        var body = new Dictionary<string, object?>
        {
            ["eventId"] = eventId ?? $"{dossierCode}-{type}-{occurredAt}",
            ["type"] = type,
            ["dossierCode"] = dossierCode,
            ["occurredAt"] = occurredAt,
        };
        foreach (var (name, value) in fields) body[name] = value;
        return body;
    }

    protected async Task<HttpResponseMessage> PostOkAsync(object body)
    {
        var response = await PostEventAsync(body);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new Xunit.Sdk.XunitException($"Expected 201 posting {JsonSerializer.Serialize(body)}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    protected async Task<JsonObject> GetDossierAsync(string code, string? key = null)
    {
        var response = await GetAsync($"/api/dossiers/{Uri.EscapeDataString(code)}", key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    protected static async Task<JsonObject> ProblemOf(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["status"]!.GetValue<int>().ShouldBe((int)status);
        problem["title"].ShouldNotBeNull();
        problem["detail"].ShouldNotBeNull();
        body.ShouldNotContain("   at ");
        body.ShouldNotContain("Exception");
        return problem;
    }

    protected static void ShouldHaveType(JsonObject problem, string code) =>
        problem["type"]!.GetValue<string>().ShouldEndWith("/problems/" + code);
}
