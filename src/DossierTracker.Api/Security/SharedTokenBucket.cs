using System.Threading.RateLimiting;

namespace DossierTracker.Api.Security;

/// <summary>
/// A key's budget on this node: tokens leased from the key's bucket in PostgreSQL (<see cref="SharedTokenBuckets"/>),
/// spent here without a round trip until they run out. A lease is a twentieth of a second's budget, so all nodes
/// together can exceed the key's budget by at most one lease each.
/// </summary>
public sealed class SharedTokenBucket(string partition, SharedTokenBuckets buckets, RateLimitingOptions options) : RateLimiter
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private readonly int _leaseSize = Math.Clamp(options.PermitsPerSecond / 20, 1, Math.Max(1, options.Burst));
    private int _tokens;
    private long _lastUsed = Environment.TickCount64;
    private long _successful;
    private long _failed;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = Volatile.Read(ref _tokens),
        TotalSuccessfulLeases = Interlocked.Read(ref _successful),
        TotalFailedLeases = Interlocked.Read(ref _failed),
    };

    /// <summary>Spends a leased token if this node holds one; otherwise fails, and the middleware then waits on <see cref="AcquireAsyncCore"/>.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TryTake(permitCount) ? Granted() : Lease.Failed(null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            // Another request may have leased while this one waited.
            if (TryTake(permitCount)) return Granted();
            var wanted = Math.Max(permitCount, _leaseSize);
            var granted = await buckets.LeaseAsync(partition, wanted, options.PermitsPerSecond, options.Burst, cancellationToken);
            if (granted is null) return Granted();
            lock (_lock) _tokens += granted.Value;
            if (TryTake(permitCount)) return Granted();
        }
        finally
        {
            _leasing.Release();
        }
        Interlocked.Increment(ref _failed);
        var missing = permitCount - Volatile.Read(ref _tokens);
        return Lease.Failed(TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(missing / (double)options.PermitsPerSecond))));
    }

    private bool TryTake(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, Environment.TickCount64);
        lock (_lock)
        {
            if (_tokens < permitCount) return false;
            _tokens -= permitCount;
            return true;
        }
    }

    private RateLimitLease Granted()
    {
        Interlocked.Increment(ref _successful);
        return Lease.Succeeded;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _leasing.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Succeeded = new(true, null);

        public static Lease Failed(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
