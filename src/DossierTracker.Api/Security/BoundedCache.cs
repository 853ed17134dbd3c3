using System.Collections.Concurrent;

namespace DossierTracker.Api.Security;

/// <summary>
/// A cache of answers that expire, holding at most <c>capacity</c> entries: when full, expired entries are swept and,
/// if it is still full, the new answer is simply not cached. Callers cache only what exists (keys, live sessions), so
/// what a hostile client sends cannot make it grow.
/// </summary>
public sealed class BoundedCache<TValue>(int capacity)
{
    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string id, DateTimeOffset now, out TValue value)
    {
        if (_entries.TryGetValue(id, out var entry) && entry.Expires > now)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(string id, TValue value, DateTimeOffset expires, DateTimeOffset now)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey(id))
        {
            foreach (var (staleId, entry) in _entries)
                if (entry.Expires <= now) _entries.TryRemove(staleId, out _);
            if (_entries.Count >= capacity) return;
        }
        _entries[id] = (value, expires);
    }

    public void Remove(string id) => _entries.TryRemove(id, out _);
}
