using DossierTracker.Api.Notifications.Subscriptions;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace DossierTracker.Api.Notifications.Digests;

/// <summary>Compose and send one subscription's digest of one working day.</summary>
public sealed record SendDigest(Guid SubscriptionId, DateOnly Day);

/// <summary>
/// Hands out the day's digests once: on a working day (the tracker's calendar) from <c>Notifications:DigestTime</c>
/// on, it records the day in <c>tracker.digest_days</c> and sends one durable <see cref="SendDigest"/> per digest
/// subscription, in the same transaction (Marten outbox): either the day is marked and every message stored, or
/// neither. Only today is looked at, so after downtime a missed digest goes out later the same day, never the next.
/// </summary>
public sealed class DigestScheduler(NpgsqlDataSource dataSource, OutboxedSessionFactory sessions, IWolverineRuntime runtime,
    SubscriptionStore subscriptions, ReferenceDataCache referenceData, TrackerClock clock, IOptions<NotificationOptions> options)
{
    /// <summary>Hands out today's digests if they are due and not yet handed out; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SendsEmail) return 0;
        var now = clock.Now;
        var day = VietnamTime.LocalDate(now);
        var calendar = (await referenceData.GetAsync(cancellationToken)).Calendar;
        if (!calendar.IsWorkingDay(day) || VietnamTime.LocalTimeOfDay(now) < options.Value.DigestTime) return 0;
        if (await IsHandedOutAsync(day, cancellationToken)) return 0;

        var due = (await subscriptions.AllAsync(cancellationToken)).Where(s => s.Digest).ToList();
        var bus = new MessageContext(runtime);
        await using var session = sessions.OpenSession(bus);
        await session.BeginTransactionAsync(cancellationToken);
        await using (var mark = new NpgsqlCommand(
            $"insert into {NotificationTables.DigestDays} (day, handed_out_at) values ($1, $2) on conflict (day) do nothing", session.Connection))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = day });
            mark.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
            // Another node handed them out between the check above and this insert.
            if (await mark.ExecuteNonQueryAsync(cancellationToken) == 0) return 0;
        }
        foreach (var subscription in due) await bus.PublishAsync(new SendDigest(subscription.Id, day));
        await session.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    private async Task<bool> IsHandedOutAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select 1 from {NotificationTables.DigestDays} where day = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = day });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
