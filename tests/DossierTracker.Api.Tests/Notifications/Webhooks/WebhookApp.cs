using System.Net.Http.Headers;
using Alba;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Notifications.Webhooks;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>
/// The tracker with retries shortened (waits of 0.1 s, parked after three attempts) and the sweeps driven by the tests,
/// on a database of its own: retries wait for Wolverine's scheduled-message poll, so these tests run beside the main
/// collection rather than in it.
/// </summary>
public sealed class WebhookApp : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; private set; } = new(TrackerApp.DefaultNow);
    public IAlbaHost Host { get; private set; } = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("webhook_tests");
        Host = await TrackerApp.StartHostAsync(_connectionString, new ForwardingClock(this), settings: new Dictionary<string, string>
        {
            ["RateLimiting:FailedAuthenticationBurst"] = "1000000",
            ["Webhooks:DueSoonSweepEnabled"] = "false",
            ["Webhooks:FirstRetryDelay"] = "00:00:00.1",
            ["Webhooks:MaxRetryDelay"] = "00:00:00.1",
            ["Webhooks:RetryFor"] = "00:00:00.25",
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public async Task ResetAsync()
    {
        Clock = new FakeTimeProvider(TrackerApp.DefaultNow);
        await Host.ResetAllMartenDataAsync();
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"truncate {TrackerTables.Dossiers}, {TrackerTables.DossierPhases}, {TrackerTables.IngestedEvents}, {AuditTable.Name}, " +
                $"{WebhookTables.Webhooks}, {WebhookTables.Deliveries}, {WebhookTables.DueSoonNotices}", connection);
            await command.ExecuteNonQueryAsync();
        }
        await Host.Services.GetRequiredService<ReferenceDataCache>().RefreshAsync(CancellationToken.None);
    }

    public Task<string> CreateKeyAsync(string role, string unitCode, string name) =>
        Host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(role, unitCode, name, TestAudit.Setup, CancellationToken.None);

    public HttpClient Client(string? key)
    {
        var client = Host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private sealed class ForwardingClock(WebhookApp app) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => app.Clock.GetUtcNow();
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookApp>
{
    public const string Name = "webhooks";
}
