using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using Marten;

namespace DossierTracker.Api.Security;

/// <summary>
/// Looks keys up by id with a short cache, so authentication does not cost a database round trip per request.
/// A revocation takes effect on every instance within <see cref="SecurityOptions.KeyCacheSeconds"/>. Only keys that
/// exist are cached, at most <see cref="SecurityOptions.KeyCacheEntries"/>: ids nobody issued cost a lookup, and
/// <see cref="AuthenticationFailures"/> limits those per client address before they reach this registry. Creating and
/// revoking a key are audit entries committed with the change.
/// </summary>
public sealed class ApiKeyRegistry(IDocumentStore store, AuditTrail audit, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<SecurityOptions> options)
{
    private readonly BoundedCache<ApiKey> _cache = new(options.Value.KeyCacheEntries);

    /// <summary>How many keys the cache holds now.</summary>
    public int CachedKeys => _cache.Count;

    public async Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGet(id, now, out var cached)) return cached;

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(id, cancellationToken);
        if (key is null) _cache.Remove(id);
        else _cache.Set(id, key, now.AddSeconds(options.Value.KeyCacheSeconds), now);
        return key;
    }

    public async Task<string> CreateAsync(string role, string unitCode, string name, AuditedChange change, CancellationToken cancellationToken)
    {
        var (id, key, hash) = ApiKeySecret.Generate();
        var created = new ApiKey(id, hash, role, unitCode, name, time.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Insert(created);
        audit.Enlist(session, change.Entry(AuditActions.KeyCreated, unitCode, id, null, Audited(created)));
        await session.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Revokes by id or by the full key; returns false when no such key exists.</summary>
    public async Task<bool> RevokeAsync(string idOrKey, AuditedChange change, CancellationToken cancellationToken)
    {
        var id = ApiKeySecret.TryParse(idOrKey, out var parsedId, out _) ? parsedId : idOrKey;
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<ApiKey>(id, cancellationToken);
        if (key is null) return false;
        if (key.IsRevoked) return true;
        var revoked = key with { RevokedAt = time.GetUtcNow() };
        session.Store(revoked);
        audit.Enlist(session, change.Entry(AuditActions.KeyRevoked, key.UnitCode, key.Id, Audited(key), Audited(revoked)));
        await session.SaveChangesAsync(cancellationToken);
        _cache.Remove(id);
        return true;
    }

    /// <summary>A key as the audit trail shows it: everything but the hash of its secret.</summary>
    private static JsonNode? Audited(ApiKey key) => JsonSerializer.SerializeToNode(
        new { key.Id, key.Role, key.UnitCode, key.Name, key.CreatedAt, key.RevokedAt }, ApiJson.Options);

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }
}

public sealed class SecurityOptions
{
    public int KeyCacheSeconds { get; set; } = 10;
    /// <summary>The most keys cached at once; far above any province's number of keys, a bound and not a working size.</summary>
    public int KeyCacheEntries { get; set; } = 10_000;
}
