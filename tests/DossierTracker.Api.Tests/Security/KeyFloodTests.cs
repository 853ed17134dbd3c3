using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Alba;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

/// <summary>
/// Issue 13, findings 1 and 2: keys are verified before they touch any per-key state. Forged keys from one address
/// are throttled by address and leave nothing behind; a wrong secret for a real key id never spends that key's budget.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class KeyFloodTests
{
    [Fact]
    public async Task a_flood_of_unknown_keys_from_one_address_gets_429s_and_caches_nothing()
    {
        await using var host = await StartAsync("key_flood");
        var registry = host.Services.GetRequiredService<ApiKeyRegistry>();
        var genuine = await registry.CreateAsync(Roles.Supervisor, TestProvince.Province, "genuine", TestAudit.Setup, CancellationToken.None);
        using var attacker = Client(host, "203.0.113.9");
        using var owner = Client(host, "198.51.100.7");
        (await GetUnitsAsync(owner, genuine)).ShouldBe(HttpStatusCode.OK);
        var cachedAfterWarmUp = registry.CachedKeys;

        var statuses = await FloodAsync(attacker, requests: 3000, _ => $"dtk_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}_x");

        statuses.Keys.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], ignoreOrder: true);
        statuses[HttpStatusCode.TooManyRequests].ShouldBeGreaterThan(2500, "after its burst of failures the address is made to wait");
        registry.CachedKeys.ShouldBe(cachedAfterWarmUp, "ids nobody issued are never cached");
        (await GetUnitsAsync(owner, genuine)).ShouldBe(HttpStatusCode.OK, "other addresses are not affected");
    }

    [Fact]
    public async Task a_throttled_address_gets_problem_details_with_retry_after()
    {
        await using var host = await StartAsync("key_flood_retry");
        using var attacker = Client(host, "203.0.113.10");
        await FloodAsync(attacker, requests: 40, i => $"dtk_{i:x12}_x");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "dtk_0123456789ab_x");
        using var response = await attacker.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    [Fact]
    public async Task a_wrong_secret_flood_on_a_real_key_id_leaves_the_genuine_key_unthrottled()
    {
        // A small per-key budget, so that spending it would show at once.
        await using var host = await StartAsync("key_flood_wrong_secret", new Dictionary<string, string>
        {
            ["RateLimiting:Burst"] = "10",
            ["RateLimiting:PermitsPerSecond"] = "1",
        });
        var genuine = await host.Services.GetRequiredService<ApiKeyRegistry>()
            .CreateAsync(Roles.Supervisor, TestProvince.Province, "genuine", TestAudit.Setup, CancellationToken.None);
        ApiKeySecret.TryParse(genuine, out var id, out _).ShouldBeTrue();
        using var attacker = Client(host, "203.0.113.11");
        using var owner = Client(host, "198.51.100.8");

        await FloodAsync(attacker, requests: 300, _ => $"dtk_{id}_wrong-secret");
        var genuineStatuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) genuineStatuses.Add(await GetUnitsAsync(owner, genuine));

        genuineStatuses.ShouldAllBe(status => status == HttpStatusCode.OK);
    }

    private static Task<IAlbaHost> StartAsync(string database, Dictionary<string, string>? settings = null) =>
        PostgresServer.CreateDatabaseAsync(database).ContinueWith(created =>
            TrackerApp.StartHostAsync(created.Result, TimeProvider.System, settings: settings)).Unwrap();

    private static HttpClient Client(IAlbaHost host, string address) =>
        new(host.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address))) { BaseAddress = host.Server.BaseAddress };

    private static async Task<HttpStatusCode> GetUnitsAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Eight workers, as in the attack the issue reports; the statuses counted.</summary>
    private static async Task<Dictionary<HttpStatusCode, int>> FloodAsync(HttpClient client, int requests, Func<int, string> key)
    {
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
                statuses.AddOrUpdate(await GetUnitsAsync(client, key(i)), 1, (_, n) => n + 1);
        })));
        return new Dictionary<HttpStatusCode, int>(statuses);
    }
}
