using DossierTracker.Api.ReadModel;
using DossierTracker.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Reports;

/// <summary>
/// The raw counts of form 06 per unit for one month, in one round trip. Flows (received, completed, closed in the
/// month) use the indexes on receipt and close; stocks (carried over, in progress at the month's end) read only the
/// phases that contain the month's first and last instant (GiST), so the cost follows a month's activity, not history.
/// All four are answered from covering indexes. The unit set is a semi-join on <c>unnest</c> rather than <c>= any(array)</c>:
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
                   count(*) filter (where completed_at is not null and on_time_766), count(*) filter (where completed_at is null)
            from {TrackerTables.Dossiers} where closed_at >= $1 and closed_at < $2 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);
        Add(batch, $"""
            select unit_code, count(*) from {TrackerTables.DossierPhases} where period @> $1 and unit_code in (select unnest($3)) group by unit_code
            """, month, units);
        Add(batch, $"""
            select unit_code, count(*) filter (where paused or due_at >= $2), count(*) filter (where not paused and due_at < $2)
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
                CompletedWithinDue766 = (int)reader.GetInt64(4), WithdrawnOrStopped = (int)reader.GetInt64(5),
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
            counts[unit] = Of(unit) with { InProgressOnTime = (int)reader.GetInt64(1), InProgressOverdue = (int)reader.GetInt64(2) };
        }
        return counts;
    }

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
