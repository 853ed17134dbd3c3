using System.Net;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Errors;

/// <summary>Failures inside the service: an unexpected exception is a bare 500 problem; a database that went away a 503.</summary>
[Collection(TrackerCollection.Name)]
public sealed class FaultTests
{
    [Fact]
    public async Task unexpected_exception_is_500_problem_without_internals()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("fault_500");
        var clock = new BrokenClock();
        await using var host = await TrackerApp.StartHostAsync(connectionString, clock);
        var admin = await host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Admin, "ANY", "admin", TestAudit.Setup, CancellationToken.None);
        clock.Break();
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);

        var response = await client.PostAsync("/api/events", new StringContent(
            """{"eventId":"e","type":"processing","dossierCode":"X","occurredAt":"2022-08-01T09:00:00+07:00"}""",
            System.Text.Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonNode.Parse(body)!.AsObject();
        problem["type"]!.GetValue<string>().ShouldEndWith("/problems/internal-error");
        body.ShouldNotContain("BrokenClock");
        body.ShouldNotContain("   at ");
        body.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task database_gone_is_503_problem_with_retry_after_and_not_ready()
    {
        await using var database = PostgresServer.Builder().Build();
        await database.StartAsync();
        await using var host = await TrackerApp.StartHostAsync(database.GetConnectionString(), TimeProvider.System);
        var admin = await host.Services.GetRequiredService<ApiKeyRegistry>().CreateAsync(Roles.Admin, "ANY", "admin", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", admin);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await database.StopAsync();

        var response = await client.GetAsync("/api/units");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter.ShouldNotBeNull();
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["type"]!.GetValue<string>().ShouldEndWith("/problems/database-unavailable");
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Works until broken: creating the key records an audit entry at the tracker's time.</summary>
    private sealed class BrokenClock : TimeProvider
    {
        private volatile bool _broken;

        public void Break() => _broken = true;

        public override DateTimeOffset GetUtcNow() =>
            _broken ? throw new InvalidOperationException("BrokenClock: time is unavailable") : TimeProvider.System.GetUtcNow();
    }
}
