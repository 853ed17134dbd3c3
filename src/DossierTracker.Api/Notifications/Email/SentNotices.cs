using Npgsql;

namespace DossierTracker.Api.Notifications.Email;

public enum ClaimOutcome { Claimed, AlreadyDone, BusyElsewhere }

public static class NoticeStatus
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Bounced = "bounced";
}

/// <summary>One row of <c>tracker.sent_notices</c>, as the admin page lists it.</summary>
public sealed record SentNotice(string Key, string Kind, string Recipient, string Subject, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The claim-then-send record behind "never sent twice". A sender claims the notice's key (its own committed
/// transaction) before it talks to the SMTP server, and records the outcome after. A key already sent, or refused for
/// good (bounced), is never sent again; a key claimed by a sender still within <see cref="Lease"/> is busy (the
/// message is retried later); a key whose sender failed, or died longer than the lease ago, may be claimed again.
/// </summary>
public sealed class SentNotices(NpgsqlDataSource dataSource)
{
    /// <summary>Longer than any SMTP conversation (MailKit's default timeout is 2 minutes).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    public async Task<ClaimOutcome> ClaimAsync(SendEmail email, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into {NotificationTables.SentNotices} as n (key, kind, recipient, subject, status, attempts, created_at, updated_at)
            values ($1, $2, $3, $4, '{NoticeStatus.Sending}', 1, now(), now())
            on conflict (key) do update set status = '{NoticeStatus.Sending}', attempts = n.attempts + 1, updated_at = now()
            where n.status = '{NoticeStatus.Failed}' or (n.status = '{NoticeStatus.Sending}' and n.updated_at < now() - $5::interval)
            returning attempts
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = email.NoticeKey });
        command.Parameters.Add(new NpgsqlParameter { Value = email.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = email.To });
        command.Parameters.Add(new NpgsqlParameter { Value = email.Subject });
        command.Parameters.Add(new NpgsqlParameter { Value = Lease });
        if (await command.ExecuteScalarAsync(cancellationToken) is not null) return ClaimOutcome.Claimed;
        return await StatusAsync(email.NoticeKey, cancellationToken) is NoticeStatus.Sent or NoticeStatus.Bounced
            ? ClaimOutcome.AlreadyDone
            : ClaimOutcome.BusyElsewhere;
    }

    public Task MarkSentAsync(string key, CancellationToken cancellationToken) => SetStatusAsync(key, NoticeStatus.Sent, null, cancellationToken);

    public Task MarkFailedAsync(string key, string error, CancellationToken cancellationToken) => SetStatusAsync(key, NoticeStatus.Failed, error, cancellationToken);

    public Task MarkBouncedAsync(string key, string error, CancellationToken cancellationToken) => SetStatusAsync(key, NoticeStatus.Bounced, error, cancellationToken);

    /// <summary>The most recently attempted notices, newest first.</summary>
    public async Task<IReadOnlyList<SentNotice>> LatestAsync(int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select key, kind, recipient, subject, status, attempts, last_error, created_at, updated_at from {NotificationTables.SentNotices} order by updated_at desc, key limit $1");
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notices = new List<SentNotice>();
        while (await reader.ReadAsync(cancellationToken))
            notices.Add(new SentNotice(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8)));
        return notices;
    }

    private async Task<string?> StatusAsync(string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select status from {NotificationTables.SentNotices} where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task SetStatusAsync(string key, string status, string? error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"update {NotificationTables.SentNotices} set status = $2, last_error = coalesce($3, last_error), updated_at = now() where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
