using System.Net;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

[Collection(TrackerCollection.Name)]
public sealed class RateLimitingTests
{
    [Fact]
    public async Task a_key_over_its_limit_gets_429_problem_with_retry_after_while_other_keys_go_on()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("rate_limit");
        await using var host = await TrackerApp.StartHostAsync(connectionString, TimeProvider.System,
            settings: new Dictionary<string, string> { ["RateLimiting:PermitsPerSecond"] = "1", ["RateLimiting:Burst"] = "3" });
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var busy = await registry.CreateAsync(Roles.Admin, "P", "busy", TestAudit.Setup, CancellationToken.None);
        var quiet = await registry.CreateAsync(Roles.Admin, "P", "quiet", TestAudit.Setup, CancellationToken.None);
        using var client = host.Server.CreateClient();
        Task<HttpResponseMessage> Get(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
            request.Headers.Authorization = new("Bearer", key);
            return client.SendAsync(request);
        }

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await Get(busy));

        var limited = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        limited.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        limited.Headers.RetryAfter.ShouldNotBeNull();
        (await limited.Content.ReadAsStringAsync()).ShouldContain("/problems/too-many-requests");
        (await Get(quiet)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
