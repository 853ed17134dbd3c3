using DossierTracker.Calendar;
using JasperFx.Core;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>Attempt (or re-attempt) the delivery with this id.</summary>
public sealed record DeliverWebhookNotice(Guid DeliveryId);

/// <summary>
/// One attempt at a delivery, in a transaction that holds the delivery's row lock across the POST: two messages for
/// the same delivery (a kick and a first send that crossed) attempt it one after the other, and the second finds it
/// delivered. The receiver may still see a notice twice when the tracker dies between its 2xx and the commit; the
/// notice's <c>id</c> is what it deduplicates on.
/// <para>
/// A failed attempt schedules the next one (a durable scheduled message, so a restart keeps the schedule) after the
/// <see cref="WebhookRetrySchedule"/>'s wait; when that runs out the delivery is parked. A delivery whose dossier has an
/// earlier delivery still pending on the same webhook is not attempted; the earlier one, once delivered or parked,
/// sends it on. So a dossier's notices reach a receiver in the order they were noticed.
/// </para>
/// </summary>
public static class DeliverWebhookNoticeHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());

    public static async Task<OutgoingMessages> Handle(DeliverWebhookNotice message, IDocumentSession session, WebhookSender sender,
        WebhookRetrySchedule schedule, TrackerClock clock, CancellationToken cancellationToken)
    {
        var outgoing = new OutgoingMessages();
        await session.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)session.Connection!;
        if (await LockAsync(connection, message.DeliveryId, cancellationToken) is not { } delivery) return outgoing;

        if (delivery.WebhookRemoved)
        {
            Update(session, delivery.Id, WebhookDeliveryStatus.Cancelled, delivery.Attempts, null, null, null);
            return outgoing;
        }
        if (await EarlierPendingAsync(connection, delivery, cancellationToken)) return outgoing;

        var error = await sender.SendAsync(delivery.Url, delivery.ProtectedSecret, delivery.Body, cancellationToken);
        var attempts = delivery.Attempts + 1;
        var now = clock.Now;
        if (error is null)
        {
            Update(session, delivery.Id, WebhookDeliveryStatus.Delivered, attempts, delivery.LastError, now, now);
        }
        else if (schedule.DelayAfter(attempts) is { } wait)
        {
            Update(session, delivery.Id, WebhookDeliveryStatus.Pending, attempts, error, now, null);
            outgoing.Add(message.DelayedFor(wait));
            return outgoing;
        }
        else
        {
            Update(session, delivery.Id, WebhookDeliveryStatus.Parked, attempts, error, now, null);
        }
        if (await NextWaitingAsync(connection, delivery, cancellationToken) is { } next) outgoing.Add(new DeliverWebhookNotice(next));
        return outgoing;
    }

    private sealed record LockedDelivery(Guid Id, Guid WebhookId, string DossierCode, int Position, string Body, int Attempts, string? LastError,
        string Url, string ProtectedSecret, bool WebhookRemoved);

    /// <summary>The delivery, locked, when it is still pending; null when it is gone or already settled.</summary>
    private static async Task<LockedDelivery?> LockAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select d.id, d.webhook_id, d.dossier_code, d.position, d.body, d.attempts, d.last_error, w.url, w.protected_secret, w.removed_at is not null
            from {WebhookTables.Deliveries} d join {WebhookTables.Webhooks} w on w.id = d.webhook_id
            where d.id = $1 and d.status = '{WebhookDeliveryStatus.Pending}'
            for update of d
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new LockedDelivery(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
            reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetBoolean(9));
    }

    private static async Task<bool> EarlierPendingAsync(NpgsqlConnection connection, LockedDelivery delivery, CancellationToken cancellationToken)
    {
        await using var command = ChainCommand(connection, delivery,
            $"select exists (select 1 from {WebhookTables.Deliveries} where webhook_id = $1 and dossier_code = $2 and position < $3 and status = '{WebhookDeliveryStatus.Pending}')");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The next delivery of the chain that waited for this one: pending and never attempted (one already attempted has
    /// its own retry scheduled).
    /// </summary>
    private static async Task<Guid?> NextWaitingAsync(NpgsqlConnection connection, LockedDelivery delivery, CancellationToken cancellationToken)
    {
        await using var command = ChainCommand(connection, delivery,
            $"""
            select id from {WebhookTables.Deliveries}
            where webhook_id = $1 and dossier_code = $2 and position > $3 and status = '{WebhookDeliveryStatus.Pending}' and attempts = 0
            order by position limit 1
            """);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    private static NpgsqlCommand ChainCommand(NpgsqlConnection connection, LockedDelivery delivery, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = delivery.WebhookId, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = delivery.DossierCode, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = delivery.Position, NpgsqlDbType = NpgsqlDbType.Integer });
        return command;
    }

    /// <summary>Queued into the session, so the middleware's SaveChangesAsync commits it with the outgoing messages.</summary>
    private static void Update(IDocumentSession session, Guid id, string status, int attempts, string? lastError,
        DateTimeOffset? attemptedAt, DateTimeOffset? deliveredAt) =>
        session.QueueSqlCommand(
            $"""
            update {WebhookTables.Deliveries}
            set status = ?::text, attempts = ?::int, last_error = ?::text, last_attempt_at = coalesce(?::timestamptz, last_attempt_at), delivered_at = ?::timestamptz
            where id = ?::uuid
            """,
            status, attempts, (object?)lastError ?? DBNull.Value, (object?)attemptedAt?.ToUniversalTime() ?? DBNull.Value,
            (object?)deliveredAt?.ToUniversalTime() ?? DBNull.Value, id);
}
