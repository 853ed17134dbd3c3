using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DossierTracker.Api.Http;
using Marten;
using Microsoft.AspNetCore.RateLimiting;

namespace DossierTracker.Api.Security;

/// <summary>
/// Configuration section <c>RateLimiting</c>: a token bucket per verified API key, shared by all nodes (per client address
/// without one, on each node),
/// and one per client address for failed keys (<see cref="AuthenticationFailures"/>).
/// </summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Sustained requests per second per key; generous, so one-stop systems pushing bursts are not slowed.</summary>
    public int PermitsPerSecond { get; set; } = 500;
    /// <summary>Requests a key may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 2000;
    /// <summary>Failed keys an address may present at once before it must wait.</summary>
    public int FailedAuthenticationBurst { get; set; } = 20;
    /// <summary>Failed keys an address may present each minute after its burst.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;
}

public static class RateLimiting
{
    private const string KeyPartition = "key:";

    public static IServiceCollection AddTrackerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimiting");
        var options = section.Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.Configure<RateLimitingOptions>(section);
        services.AddSingleton<AuthenticationFailures>();
        services.AddSingleton<ApiKeyVerifier>();
        services.AddSingleton<SharedTokenBuckets>();
        services.ConfigureMarten(marten => marten.Storage.ExtendedSchemaObjects.Add(SharedTokenBuckets.Table()));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RejectAsync(context);
        });
        if (!options.Enabled) return services;
        services.AddOptions<RateLimiterOptions>().Configure<SharedTokenBuckets>((limiter, buckets) =>
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => PartitionKey(http) switch
            {
                // A key's budget is shared by every node (PostgreSQL); an address's stays per node: behind a balancer
                // each node sees the client's address only when forwarded headers are trusted.
                { } key when key.StartsWith(KeyPartition, StringComparison.Ordinal) =>
                    RateLimitPartition.Get(key, partition => new SharedTokenBucket(partition, buckets, options)),
                var address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }),
            }));
        return services;
    }

    /// <summary>
    /// A verified key's id identifies the caller (the limiter runs after authentication), so no one can spend a key's
    /// budget without its secret; everyone else, failed keys included, is counted by address.
    /// </summary>
    private static string PartitionKey(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName }
        && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? KeyPartition + id
            : "ip:" + http.Connection.RemoteIpAddress;

    private static ValueTask RejectAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Result(ProblemCatalogue.TooManyRequests,
            $"This caller sent more requests than its limit; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext));
    }
}
