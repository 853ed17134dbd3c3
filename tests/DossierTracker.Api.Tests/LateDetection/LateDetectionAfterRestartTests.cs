using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DossierTracker.Api.Tests.LateDetection;

/// <summary>A dossier that falls due while the service is down is marked when it starts again, by itself.</summary>
[Collection(TrackerCollection.Name)]
public sealed class LateDetectionAfterRestartTests
{
    [Fact]
    public async Task dossier_that_fell_due_while_the_service_was_down_is_marked_late_after_start()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("late_after_restart");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-10T09:00:00+07:00"));

        string supervisorKey;
        await using (var first = await TrackerApp.StartHostAsync(connectionString, clock, lateDetection: true))
        {
            var registry = first.Services.GetRequiredService<ApiKeyRegistry>();
            var admin = await registry.CreateAsync(Roles.Admin, TestProvince.Province, "admin", TestAudit.Setup, CancellationToken.None);
            var ingest = await registry.CreateAsync(Roles.Ingest, TestProvince.Province, "ingest", TestAudit.Setup, CancellationToken.None);
            supervisorKey = await registry.CreateAsync(Roles.Supervisor, TestProvince.Province, "supervisor", TestAudit.Setup, CancellationToken.None);
            var client = first.Server.CreateClient();
            (await Send(client, HttpMethod.Put, "/api/units", TestProvince.Units, admin)).EnsureSuccessStatusCode();
            (await Send(client, HttpMethod.Put, "/api/procedures", TestProvince.Procedures, admin)).EnsureSuccessStatusCode();
            (await Send(client, HttpMethod.Post, "/api/events", new
            {
                eventId = "r-1", type = "received", dossierCode = "RESTART-1", occurredAt = "2026-03-10T08:30:00+07:00",
                unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "online",
                dueAt = "2026-03-10T10:00:00+07:00",
            }, ingest)).EnsureSuccessStatusCode();
        }

        clock.SetUtcNow(DateTimeOffset.Parse("2026-03-10T13:45:00+07:00"));
        await using var second = await TrackerApp.StartHostAsync(connectionString, clock, lateDetection: true);
        var supervisor = second.Server.CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonObject? late = null;
        while (late is null && DateTime.UtcNow < deadline)
        {
            var dossier = (await (await Send(supervisor, HttpMethod.Get, "/api/dossiers/RESTART-1", null, supervisorKey)).Content.ReadFromJsonAsync<JsonObject>())!;
            late = dossier["timeline"]!.AsArray().Select(e => e!.AsObject())
                .FirstOrDefault(e => e["type"]!.GetValue<string>() == "late" && e["source"]!.GetValue<string>() == "tracker");
            if (late is null) await Task.Delay(250);
        }

        late.ShouldNotBeNull("the tracker did not mark the dossier late within a minute of starting");
        late["occurredAt"]!.GetValue<string>().ShouldBe("2026-03-10T10:00:00+07:00");
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? key)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        return client.SendAsync(request);
    }
}
