using DossierTracker.Calendar;
using Marten;

namespace DossierTracker.Api.Audit;

/// <summary>
/// Appends entries to the audit trail, stamped with the tracker's clock. A change of data enlists its entries in the
/// session that stores the change (<see cref="Enlist"/>), so they commit or roll back together: an entry is never
/// missing for a committed change, nor present for a refused one. Facts with nothing else to commit (a sign-in, a
/// failed one) use <see cref="RecordAsync"/>. There is no update or delete: the table refuses them (<see cref="AuditTable"/>).
/// </summary>
public sealed class AuditTrail(IDocumentStore store, TrackerClock clock)
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        Enlist(session, entry);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Queues the entries' insert into <paramref name="session"/>; it runs in that session's SaveChangesAsync.</summary>
    public void Enlist(IDocumentSession session, params IReadOnlyCollection<AuditEntry> entries)
    {
        if (entries.Count == 0) return;
        var at = clock.Now;
        // One statement whatever the number of entries (a PUT of a whole tree changes hundreds of units).
        session.QueueSqlCommand(
            $"""
            insert into {AuditTable.Name} (id, at, actor_kind, actor_id, actor_name, action, unit_code, subject, before, after, reason)
            select i, ?, k, a, n, x, u, s, b::jsonb, f::jsonb, r from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as t(i, k, a, n, x, u, s, b, f, r)
            """,
            at.ToUniversalTime(),
            entries.Select(_ => Guid.CreateVersion7(at)).ToArray(),
            entries.Select(e => e.Actor.Kind).ToArray(),
            entries.Select(e => e.Actor.Id).ToArray(),
            entries.Select(e => e.Actor.Name).ToArray(),
            entries.Select(e => e.Action).ToArray(),
            entries.Select(e => e.UnitCode).ToArray(),
            entries.Select(e => e.Subject).ToArray(),
            entries.Select(e => e.Before?.ToJsonString()).ToArray(),
            entries.Select(e => e.After?.ToJsonString()).ToArray(),
            entries.Select(e => e.Reason).ToArray());
    }
}
