using System.Globalization;
using System.Threading.RateLimiting;
using DossierTracker.Api.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace DossierTracker.Api.Security;

/// <summary>Configuration section <c>RateLimiting</c>: a token bucket per API key (per client address without one).</summary>
public sealed class RateLimitingOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Sustained requests per second per key; generous, so one-stop systems pushing bursts are not slowed.</summary>
    public int PermitsPerSecond { get; set; } = 500;
    /// <summary>Requests a key may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 2000;
}

public static class RateLimiting
{
    public static IServiceCollection AddTrackerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => RejectAsync(context);
            if (!options.Enabled) return;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return services;
    }

    /// <summary>The key's id (never the secret) identifies the caller; the limiter runs before the key is checked.</summary>
    private static string PartitionKey(HttpContext http) =>
        ApiKeySecret.TryParse(ApiKeyAuthenticationHandler.PresentedKey(http.Request), out var id, out _)
            ? "key:" + id
            : "ip:" + http.Connection.RemoteIpAddress;

    private static ValueTask RejectAsync(OnRejectedContext context)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return new ValueTask(Problems.Result(ProblemCatalogue.TooManyRequests,
            $"This key sent more requests than its limit; retry after {retryAfter} s.").ExecuteAsync(context.HttpContext));
    }
}
