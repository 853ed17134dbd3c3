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
    private readonly TimeSpan _period;

    public AuthenticationFailures(IOptions<RateLimitingOptions> options)
    {
        var settings = options.Value;
        _period = TimeSpan.FromMinutes(1.0 / settings.FailedAuthenticationsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => settings.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.FailedAuthenticationBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = _period,
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(address));
    }

    /// <summary>How long the caller's address must wait before a key of its is checked again; null when it may try now.</summary>
    public TimeSpan? WaitBeforeTrying(HttpContext http)
    {
        // Counting whole permits left, without taking one. (Asking for zero permits is no test: the bucket refills
        // continuously, and any fraction of a token answers yes.)
        var left = _limiter.GetStatistics(Address(http))?.CurrentAvailablePermits ?? 1;
        return left >= 1 ? null : _period;
    }

    public void Record(HttpContext http)
    {
        using var _ = _limiter.AttemptAcquire(Address(http), 1);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";
}
