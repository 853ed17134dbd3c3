using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Security;

/// <summary>
/// Failed key verifications per client address, a token bucket each: once an address has failed
/// <see cref="RateLimitingOptions.FailedAuthenticationBurst"/> times in quick succession, its further keys are refused
/// with 429 without being looked up, until the bucket refills (<see cref="RateLimitingOptions.FailedAuthenticationsPerMinute"/>).
/// A flood of forged keys then costs neither database lookups nor memory, and never touches a real key's own budget.
/// Behind a proxy the address is the client's when the proxy is trusted (<c>ForwardedHeaders:KnownProxies</c>).
/// </summary>
public sealed class AuthenticationFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AuthenticationFailures(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => settings.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.FailedAuthenticationBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / settings.FailedAuthenticationsPerMinute),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(address));
    }

    /// <summary>How long the caller's address must wait before a key of its is checked again; null when it may try now.</summary>
    public TimeSpan? WaitBeforeTrying(HttpContext http)
    {
        // Asking for no permit tells whether any is left, without taking one.
        using var lease = _limiter.AttemptAcquire(Address(http), 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    public void Record(HttpContext http)
    {
        using var _ = _limiter.AttemptAcquire(Address(http), 1);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";
}
