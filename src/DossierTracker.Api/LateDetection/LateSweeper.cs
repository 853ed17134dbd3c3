using DossierTracker.Api.ReadModel;
using DossierTracker.Calendar;
using Npgsql;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace DossierTracker.Api.LateDetection;

/// <summary>
/// Finds open, running dossiers past their effective due time and not yet marked late, and hands each to
/// <see cref="MarkDossierLateHandler"/> as a durable <see cref="MarkDossierLate"/> message.
/// <para>
/// The search stays a query over the partial index of open dossiers by due time rather than one scheduled message per
/// dossier: due times move with every pause (a timer per due time would need cancelling and rescheduling on ~450k
/// dossiers a year), while the query costs ingestion nothing and, run at start, catches every dossier that fell due
/// while the service was down. A page's messages are stored in one transaction through Wolverine's Marten outbox, so a
/// sweep hands over its whole page or nothing; a node killed after that loses nothing (see <see cref="LateSweepAgent"/>).
/// </para>
/// Only due times the tracker learned before they passed are marked; a dossier backfilled after its due time is
/// overdue in every list, but gets no "tracker noticed" event for a moment the tracker did not witness.
/// </summary>
public sealed class LateSweeper(NpgsqlDataSource dataSource, OutboxedSessionFactory sessions, IWolverineRuntime runtime, TrackerClock clock)
{
    private const int PageSize = 500;

    /// <summary>
    /// Sends a <see cref="MarkDossierLate"/> for every dossier overdue now and not yet marked; returns how many. A
    /// dossier whose message is still queued may be sent again by the next sweep: the handler then appends nothing.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var sent = 0;
        MarkDossierLate? last = null;
        while (true)
        {
            var due = await FindUnmarkedOverdueAsync(now, last, cancellationToken);
            if (due.Count == 0) return sent;
            var bus = new MessageContext(runtime);
            await using (var session = sessions.OpenSession(bus))
            {
                foreach (var message in due) await bus.PublishAsync(message);
                await session.SaveChangesAsync(cancellationToken);
            }
            sent += due.Count;
            if (due.Count < PageSize) return sent;
            last = due[^1];
        }
    }

    /// <summary>One page, after <paramref name="after"/> in (due time, code) order: messages still queued are not yet marked.</summary>
    private async Task<List<MarkDossierLate>> FindUnmarkedOverdueAsync(DateTimeOffset now, MarkDossierLate? after, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select code, due_at from {TrackerTables.Dossiers}
            where closed_at is null and not paused and due_at < $1
              and due_at > due_learned_at
              and tracker_late_for is distinct from due_at
              and ($2::timestamptz is null or (due_at, code) > ($2, $3))
            order by due_at, code
            limit {PageSize}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.DueAt.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.DossierCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var candidates = new List<MarkDossierLate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            candidates.Add(new MarkDossierLate(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return candidates;
    }
}
