using System.Collections.Concurrent;
using Marten;

namespace DossierTracker.Api.Security;

/// <summary>When a key was last accepted (API call or dashboard sign-in), to the minute; a document apart from the key.</summary>
public sealed record ApiKeyUse(string Id, DateTimeOffset LastUsedAt);

/// <summary>
/// Records when keys are used, for the admin area's "last used". A key busy with thousands of requests a minute must not
/// cost a write each: each node writes a key's use at most once per <see cref="Resolution"/>, so the time shown is at
/// most that much behind. Kept apart from <see cref="ApiKey"/>, so recording a use never races a revocation.
/// </summary>
public sealed class ApiKeyUsage(IDocumentStore store, TimeProvider time, ILogger<ApiKeyUsage> logger)
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

    public async Task RecordAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_written.TryGetValue(keyId, out var last) && now - last < Resolution) return;
        _written[keyId] = now;
        try
        {
            await using var session = store.LightweightSession();
            session.Store(new ApiKeyUse(keyId, now));
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A lost "last used" must never fail the request that used the key; the next use a minute on writes it.
            _written.TryRemove(keyId, out _);
            logger.LogWarning(exception, "Could not record the use of key {KeyId}", keyId);
        }
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastUsedAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.Query<ApiKeyUse>().ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.LastUsedAt, StringComparer.Ordinal);
    }
}
