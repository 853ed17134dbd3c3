using DossierTracker.Api.ReadModel;
using DossierTracker.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Reports;

/// <summary>
/// The raw counts of form 06 per unit for one month, in one round trip. Flows (received, completed, closed in the
/// month) use the indexes on receipt and close; stocks (carried over, in progress at the month's end) read only the
/// phases that contain the month's first and last instant (GiST), so the cost follows a month's activity, not history.
/// All four are answered from covering indexes. Decision 766's numerator (<see cref="Decision766"/>) is split the same
/// way: dossiers closed in the month by the close, those open at its end by the phase in force then (events strictly
/// before the end), both unless a second supplement request came before the end. The unit set is a semi-join on <c>unnest</c> rather than <c>= any(array)</c>:
/// with auto-prepared statements PostgreSQL soon switches to a generic plan, in which <c>any</c> over a province's 180
/// units is tested row by row, while the semi-join stays a hash.
/// </summary>
public sealed class ReportCountsQuery(NpgsqlDataSource dataSource)
{
    public async Task<Dictionary<string, UnitMonthCounts>> CountsAsync(string[] units, ReportMonth month, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        Add(batch, $"""
            select unit_code, count(*) filter (where channel = 'online'), count(*) filter (where channel <> 'online')
            from {TrackerTables.Dossiers} where received_at >= $1 and received_at < $2 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);
        Add(batch, $"""
            select unit_code,
                   count(*) filter (where result = 'early'), count(*) filter (where result = 'on-time'), count(*) filter (where result = 'late'),
                   count(*) filter (where closed_within_due and {NoSecondSupplementBeforeEnd}), count(*) filter (where completed_at is null)
            from {TrackerTables.Dossiers} where closed_at >= $1 and closed_at < $2 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);
        Add(batch, $"""
            select unit_code, count(*) from {TrackerTables.DossierPhases} where period @> $1 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);
        Add(batch, $"""
            select unit_code, count(*) filter (where paused or due_at >= $2), count(*) filter (where not paused and due_at < $2),
                   count(*) filter (where (case when paused then lower(period) <= due_at else due_at >= $2 end) and {NoSecondSupplementBeforeEnd})
            from {TrackerTables.DossierPhases} where period @> $2 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);

        var counts = new Dictionary<string, UnitMonthCounts>(StringComparer.Ordinal);
        UnitMonthCounts Of(string unit) => counts.GetValueOrDefault(unit) ?? UnitMonthCounts.Zero;

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var unit = reader.GetString(0);
            counts[unit] = Of(unit) with { ReceivedOnline = (int)reader.GetInt64(1), ReceivedDirect = (int)reader.GetInt64(2) };
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var unit = reader.GetString(0);
            counts[unit] = Of(unit) with
            {
                ResolvedEarly = (int)reader.GetInt64(1), ResolvedOnTime = (int)reader.GetInt64(2), ResolvedLate = (int)reader.GetInt64(3),
                OnTime766 = (int)reader.GetInt64(4), WithdrawnOrStopped = (int)reader.GetInt64(5),
            };
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var unit = reader.GetString(0);
            counts[unit] = Of(unit) with { CarriedOver = (int)reader.GetInt64(1) };
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var unit = reader.GetString(0);
            var counted = Of(unit);
            counts[unit] = counted with
            {
                InProgressOnTime = (int)reader.GetInt64(1), InProgressOverdue = (int)reader.GetInt64(2),
                OnTime766 = counted.OnTime766 + (int)reader.GetInt64(3),
            };
        }
        return counts;
    }

    /// <summary>One supplement request is allowed; from the second on (over the whole history) never on time.</summary>
    private const string NoSecondSupplementBeforeEnd = "(second_supplement_at is null or second_supplement_at >= $2)";

    private static void Add(NpgsqlBatch batch, string sql, ReportMonth month, string[] units) =>
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = month.Start.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = month.End.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = units, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            },
        });
}
