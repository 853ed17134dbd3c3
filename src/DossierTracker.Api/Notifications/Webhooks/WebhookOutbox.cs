using DossierTracker.Organisation;
using Marten;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Turns notices into deliveries, one per notice and webhook that wants it (its kind, a dossier of its unit's scope),
/// queued into a session that the caller commits with the <see cref="DeliverWebhookNotice"/> messages it returns (the
/// Marten outbox): the rows and the messages that send them are stored together or not at all.
/// <para>
/// Order per dossier: each delivery takes the next position in its (webhook, dossier) chain, and a delivery is not
/// attempted while an earlier one of its chain is pending (<see cref="DeliverWebhookNoticeHandler"/>). The positions of
/// a dossier are taken under a transaction-scoped advisory lock on the dossier, so two transactions noticing the same
/// dossier at once (a sweep and the late handler) number their deliveries in the order they commit.
/// </para>
/// </summary>
public static class WebhookOutbox
{
    /// <summary>Namespace of the per-dossier advisory lock, apart from the ingest's and reference data's.</summary>
    private const int DossierChainLockSpace = 0x44540010;

    /// <summary>
    /// Queues the deliveries of <paramref name="notices"/>; with <paramref name="recordDueSoon"/>, each notice is also
    /// recorded under the unique (dossier, due time) key, and only a notice recorded now gets deliveries, so a second
    /// sweep, concurrent or later, on this node or another, adds none. Returns the messages to publish in the same session.
    /// </summary>
    public static IReadOnlyList<DeliverWebhookNotice> Enqueue(IDocumentSession session, IReadOnlyList<WebhookNotice> notices,
        IReadOnlyList<Webhook> webhooks, OrganisationTree tree, DateTimeOffset now, bool recordDueSoon)
    {
        var deliveries = (
            from notice in notices
            from webhook in webhooks
            where webhook.Wants(notice.Kind) && tree.IsInScopeOf(notice.UnitCode, webhook.UnitCode)
            select (Id: Guid.CreateVersion7(now), Webhook: webhook.Id, Notice: notice)).ToList();
        if (deliveries.Count == 0) return [];

        session.QueueSqlCommand(
            $"select count(pg_advisory_xact_lock({DossierChainLockSpace}, hashtext(c))) from (select distinct c from unnest(?::text[]) as t(c) order by c) as s",
            // One array parameter, wrapped: a bare string[] would be taken as the params array itself.
            [notices.Select(n => n.DossierCode).ToArray()]);

        var recorded = recordDueSoon
            ? $"""
              with noticed as (
                  insert into {WebhookTables.DueSoonNotices} (dossier_code, due_at, noticed_at)
                  select c, d, ?::timestamptz from unnest(?::text[], ?::timestamptz[]) as t(c, d)
                  on conflict do nothing
                  returning dossier_code, due_at)
              """
            : "";
        var onlyRecorded = recordDueSoon ? "where exists (select 1 from noticed n where n.dossier_code = x.dossier_code and n.due_at = x.due_at)" : "";
        var sql =
            $"""
            {recorded}
            insert into {WebhookTables.Deliveries} (id, webhook_id, notice_id, kind, dossier_code, position, body, status, attempts, created_at)
            select x.id, x.webhook_id, x.notice_id, x.kind, x.dossier_code,
                   coalesce((select max(p.position) from {WebhookTables.Deliveries} p where p.webhook_id = x.webhook_id and p.dossier_code = x.dossier_code), 0) + 1,
                   x.body, '{WebhookDeliveryStatus.Pending}', 0, ?::timestamptz
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) as x(id, webhook_id, notice_id, kind, dossier_code, due_at, body)
            {onlyRecorded}
            on conflict (webhook_id, notice_id) do nothing
            """;
        var at = now.ToUniversalTime();
        object[] deliveryParameters =
        [
            at,
            deliveries.Select(d => d.Id).ToArray(),
            deliveries.Select(d => d.Webhook).ToArray(),
            deliveries.Select(d => d.Notice.Id).ToArray(),
            deliveries.Select(d => d.Notice.Kind).ToArray(),
            deliveries.Select(d => d.Notice.DossierCode).ToArray(),
            deliveries.Select(d => d.Notice.DueAt.ToUniversalTime()).ToArray(),
            deliveries.Select(d => d.Notice.ToJson()).ToArray(),
        ];
        object[] parameters = recordDueSoon
            ? [at, notices.Select(n => n.DossierCode).ToArray(), notices.Select(n => n.DueAt.ToUniversalTime()).ToArray(), .. deliveryParameters]
            : deliveryParameters;
        session.QueueSqlCommand(sql, parameters);
        return deliveries.Select(d => new DeliverWebhookNotice(d.Id)).ToList();
    }
}
