using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Calendar;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// Finds open, running dossiers that have entered the due-soon window (at most <c>Webhooks:DueSoonWorkingHours</c>
/// working hours before their due time, not yet past it) in the scope of a webhook that wants <c>due-soon</c>, and
/// records one notice for each (dossier, due time) with its deliveries (<see cref="WebhookOutbox"/>). A query rather
/// than a timer per dossier for the reasons of the late sweep (<c>LateDetection/LateSweeper.cs</c>): due times move
/// with every pause. A due time moved by a resume is a new key, so the dossier is noticed again before its new due time.
/// </summary>
public sealed class DueSoonSweeper(NpgsqlDataSource dataSource, OutboxedSessionFactory sessions, IWolverineRuntime runtime,
    TrackerClock clock, ReferenceDataCache referenceData, WebhookRegistry registry, IOptions<WebhookOptions> options)
{
    private const int PageSize = 500;

    private sealed record DueSoonRow(string Code, string UnitCode, string ProcedureCode, DateTimeOffset DueAt);

    /// <summary>Records the notices of the dossiers due soon now and not yet noticed; returns how many deliveries it queued.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var webhooks = (await registry.ActiveAsync(cancellationToken)).Where(w => w.Wants(WebhookKinds.DueSoon)).ToList();
        if (webhooks.Count == 0) return 0;
        var now = clock.Now;
        var snapshot = await referenceData.GetAsync(cancellationToken);
        var units = webhooks.SelectMany(w => snapshot.Units.ScopeOf(w.UnitCode)).Select(u => u.Code).Distinct().ToArray();
        var until = DossierLists.LatestDueWithin(snapshot.Calendar, now, options.Value.DueSoonWorkingHours);

        var queued = 0;
        DueSoonRow? last = null;
        while (true)
        {
            var rows = await FindUnnoticedAsync(now, until, units, last, cancellationToken);
            if (rows.Count == 0) return queued;
            var bus = new MessageContext(runtime);
            await using (var session = sessions.OpenSession(bus))
            {
                var notices = rows.Select(r => WebhookNotice.Of(WebhookKinds.DueSoon, r.Code, r.UnitCode, r.ProcedureCode, r.DueAt, now)).ToList();
                var messages = WebhookOutbox.Enqueue(session, notices, webhooks, snapshot.Units, now, recordDueSoon: true);
                foreach (var message in messages) await bus.PublishAsync(message);
                await session.SaveChangesAsync(cancellationToken);
                queued += messages.Count;
            }
            if (rows.Count < PageSize) return queued;
            last = rows[^1];
        }
    }

    /// <summary>One page, after <paramref name="after"/> in (due time, code) order.</summary>
    private async Task<List<DueSoonRow>> FindUnnoticedAsync(DateTimeOffset now, DateTimeOffset until, string[] units, DueSoonRow? after,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select d.code, d.unit_code, d.procedure_code, d.due_at from {TrackerTables.Dossiers} d
            where d.closed_at is null and not d.paused and d.due_at >= $1 and d.due_at <= $2
              and d.unit_code = any($3)
              and not exists (select 1 from {WebhookTables.DueSoonNotices} n where n.dossier_code = d.code and n.due_at = d.due_at)
              and ($4::timestamptz is null or (d.due_at, d.code) > ($4, $5))
            order by d.due_at, d.code
            limit {PageSize}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = until.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = units, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.DueAt.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.Code ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var rows = new List<DueSoonRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new DueSoonRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return rows;
    }
}
