using System.Text.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Http;
using DossierTracker.Calendar;
using Marten;

namespace DossierTracker.Api.Notifications.Subscriptions;

/// <summary>
/// Stores subscriptions with their audit entries in one session. One address has at most one subscription per unit:
/// subscribing again changes what it receives instead of doubling every email.
/// </summary>
public sealed class SubscriptionStore(IDocumentStore store, AuditTrail audit, TrackerClock clock)
{
    /// <summary>Creates or changes the subscription of <paramref name="email"/> to <paramref name="unitCode"/>; true when created.</summary>
    public async Task<(Subscription Subscription, bool Created)> SaveAsync(string email, string unitCode, bool digest, bool lateAlerts,
        string? accountId, AuditedChange change, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var normalised = email.Trim();
        var existing = await session.Query<Subscription>()
            .FirstOrDefaultAsync(s => s.Email == normalised && s.UnitCode == unitCode, cancellationToken);
        var saved = (existing ?? new Subscription
        {
            Id = Guid.CreateVersion7(clock.Now), Email = normalised, UnitCode = unitCode, Digest = digest, LateAlerts = lateAlerts,
            AccountId = accountId, CreatedAt = clock.Now,
        }) with { Digest = digest, LateAlerts = lateAlerts, AccountId = accountId ?? existing?.AccountId };
        session.Store(saved);
        audit.Enlist(session, change.Entry(existing is null ? AuditActions.SubscriptionCreated : AuditActions.SubscriptionChanged,
            unitCode, saved.Id.ToString(), Audited(existing), Audited(saved)));
        await session.SaveChangesAsync(cancellationToken);
        return (saved, existing is null);
    }

    public async Task DeleteAsync(Subscription subscription, AuditedChange change, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<Subscription>(subscription.Id);
        audit.Enlist(session, change.Entry(AuditActions.SubscriptionDeleted, subscription.UnitCode, subscription.Id.ToString(), Audited(subscription), null));
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<Subscription?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Subscription>(id, cancellationToken);
    }

    /// <summary>Every subscription, oldest first: a province has hundreds at most, so scope filtering happens here.</summary>
    public async Task<IReadOnlyList<Subscription>> AllAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.Query<Subscription>().ToListAsync(cancellationToken)).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToList();
    }

    private static JsonNode? Audited(Subscription? s) => s is null ? null : JsonSerializer.SerializeToNode(
        new { s.Email, s.UnitCode, s.Digest, s.LateAlerts, s.AccountId }, ApiJson.Options);
}
