using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.Notifications.Webhooks;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>Webhook scenarios: the test province, keys of each role, and helpers over the HTTP API and the sweeps.</summary>
[Collection(WebhookCollection.Name)]
public abstract class WebhookScenario(WebhookApp app) : IAsyncLifetime
{
    /// <summary>How long a test waits for deliveries it expects; retries wait for Wolverine's scheduled-message poll (5 s).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    protected WebhookApp App { get; } = app;
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

    protected async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string? key)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var client = App.Client(key);
        return await client.SendAsync(request);
    }

    protected Task<TestWebhookReceiver> StartReceiverAsync(int failFirst = 0, bool alwaysFail = false) =>
        TestWebhookReceiver.StartAsync(() => App.Clock.GetUtcNow(), failFirst, alwaysFail);

    /// <summary>Registers the receiver for <paramref name="unitCode"/>'s scope and gives it the secret; returns the webhook's id.</summary>
    protected async Task<string> RegisterAsync(TestWebhookReceiver receiver, string[] events, string unitCode = TestProvince.Province)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/webhooks", new { url = receiver.Url, unitCode, events }, AdminKey);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonNode.Parse(body)!.AsObject();
        receiver.Secret = created["secret"]!.GetValue<string>();
        return created["id"]!.GetValue<string>();
    }

    protected async Task ReceivedAsync(string code, string receivedAt, string dueAt, string unitCode = TestProvince.Justice)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/events", new
        {
            eventId = $"{code}-received", type = "received", dossierCode = code, occurredAt = receivedAt,
            unitCode, procedureCode = TestProvince.BirthRegistration, channel = "online", dueAt,
        }, IngestKey);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    protected async Task<JsonArray> DeliveriesAsync(string webhookId)
    {
        var response = await SendAsync(HttpMethod.Get, $"/api/webhooks/{webhookId}/deliveries", null, AdminKey);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    protected Task<int> SweepDueSoonAsync() => App.Host.Services.GetRequiredService<DueSoonSweeper>().SweepAsync(CancellationToken.None);

    protected Task<int> SweepLateAsync() => App.Host.Services.GetRequiredService<LateSweeper>().SweepAsync(CancellationToken.None);

    /// <summary>Polls until <paramref name="done"/> holds; fails with <paramref name="what"/> when it never does.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the webhook's only delivery is settled (delivered or parked) and returns it.</summary>
    protected async Task<JsonObject> SettledDeliveryAsync(string webhookId)
    {
        JsonObject? settled = null;
        await EventuallyAsync(async () =>
        {
            var deliveries = await DeliveriesAsync(webhookId);
            settled = deliveries.Count == 1 && deliveries[0]!["status"]!.GetValue<string>() is WebhookDeliveryStatus.Delivered or WebhookDeliveryStatus.Parked
                ? deliveries[0]!.AsObject()
                : null;
            return settled is not null;
        }, "the delivery to be settled");
        return settled!;
    }
}
