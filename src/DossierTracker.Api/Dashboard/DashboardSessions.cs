using DossierTracker.Api.Security;
using Marten;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Dashboard;

/// <summary>A dashboard session ended by sign-out; kept until the session would have expired anyway.</summary>
public sealed record EndedSession(string Id, DateTimeOffset Until);

/// <summary>
/// Sign-out ends a session on the server, not only in the browser that asked: its id is recorded in the database, and
/// every instance refuses a cookie carrying it (a copy taken before sign-out included). An instance learns of another's
/// sign-out within <see cref="SecurityOptions.KeyCacheSeconds"/>, as of a revoked key; its own at once. Only sessions
/// found live are cached, in a bounded cache.
/// </summary>
public sealed class DashboardSessions(IDocumentStore store, TimeProvider time, IOptions<SecurityOptions> options)
{
    private readonly BoundedCache<bool> _live = new(options.Value.KeyCacheEntries);

    public async Task<bool> IsLiveAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_live.TryGet(sessionId, now, out _)) return true;
        await using var session = store.QuerySession();
        if (await session.LoadAsync<EndedSession>(sessionId, cancellationToken) is not null) return false;
        _live.Set(sessionId, true, now.AddSeconds(options.Value.KeyCacheSeconds), now);
        return true;
    }

    public async Task EndAsync(string sessionId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        session.Store(new EndedSession(sessionId, until));
        // Records of sessions that have expired by now protect nothing.
        session.DeleteWhere<EndedSession>(ended => ended.Until < now);
        await session.SaveChangesAsync(cancellationToken);
        _live.Remove(sessionId);
    }
}
