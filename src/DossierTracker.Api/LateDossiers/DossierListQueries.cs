using System.Globalization;
using DossierTracker.Calendar;
using DossierTracker.Api.ReadReplica;
using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.LateDossiers;

/// <summary>A dossier row as the list queries read it, before names and working hours are added.</summary>
public sealed record DossierListRow(
    string Code, string UnitCode, string ProcedureCode, Channel Channel, DossierStatus Status, DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt, DateTimeOffset? CompletedAt, string? Handler, string? HandlerName, bool ApologyIssued, DateTimeOffset? NewAppointmentAt);

/// <summary>Some rows of a list, in its order, and how many rows the whole list has.</summary>
public sealed record DossierListRows(int Total, IReadOnlyList<DossierListRow> Rows);

/// <summary>
/// SQL behind the lists. "Open and overdue at T" reads the phase that contains T (GiST on the period), so it is
/// exact for any instant — now, or the end of a past month — and only touches dossiers open at T. "Completed late"
/// spans all history. Both are sorted and paged here: on the working hours stored at completion (<see cref="LateBy"/>),
/// or, for a dossier still running, on its due time (the later the due time, the fewer working hours overdue at T).
/// </summary>
public sealed class DossierListQueries(ReadSource reads, TrackerClock clock)
{
    private const string Columns =
        "d.code, d.unit_code, d.procedure_code, d.channel, d.status, d.received_at, {0}, d.completed_at, d.handler, d.handler_name, d.apology_issued, d.new_appointment_at";

    /// <summary>
    /// The list's filters: {0} is the date column the range applies to, {1} the unit condition (<see cref="InUnitsOrEvery"/>
    /// for the open parts; <see cref="InUnits"/> or <see cref="EveryUnit"/> for the completed part).
    /// </summary>
    private const string Filters =
        """
        {1}
        and ($3::timestamptz is null or {0} >= $3) and ($4::timestamptz is null or {0} < $4)
        and ($5::text[] is null or d.procedure_code = any($5)) and ($6::text is null or d.channel = $6)
        and ($7::text is null or strpos(upper(d.code), upper($7)) > 0)
        """;

    /// <summary>
    /// The open parts' units: a hashed semi-join, since they are driven by the phases open at an instant and test each
    /// one's dossier; a null unit list ($2) is the whole tree, every dossier's unit (no filter to test).
    /// </summary>
    private const string InUnitsOrEvery = "and ($2::text[] is null or d.unit_code in (select unnest($2)))";

    /// <summary>
    /// The completed part's units ($2): an index condition on <c>ix_dossiers_unit_completed_late</c>, one range scan per
    /// unit, so that some units' late dossiers cost what their own rows cost (a province of a national store read every
    /// province's through the time-first index). A separate statement from the whole tree's: in a generic plan
    /// <c>$2 is null or ...</c> could not be an index condition.
    /// </summary>
    private const string InUnits = "and d.unit_code = any($2)";

    /// <summary>The whole tree: every dossier's unit is in it, so there is nothing to test.</summary>
    private const string EveryUnit = "";

    /// <summary>
    /// Open, running and past their due time at $1, for any instant: the phases containing $1 (GiST). At a recent
    /// instant that probe returns every dossier open then, overdue or not (at 1M, hundreds of thousands under writes).
    /// Each phase then fetches its dossier by code (a lateral probe, kept apart by its <c>limit</c>): as a plain join,
    /// with indexes led by the unit the planner read every dossier of a district from <c>ix_dossiers_unit_received</c>
    /// to hash them against the few phases (at 1M over one province: 56,880 entries instead of 45 probes).
    /// </summary>
    private static readonly string OverdueAtFromHistory =
        $"""
        from (
            select p.code, p.due_at, p.late_by from {TrackerTables.DossierPhases} p
            where p.period @> $1 and not p.paused and p.due_at < $1
        ) p
        cross join lateral (select * from {TrackerTables.Dossiers} d where d.code = p.code limit 1) d
        where true
        {string.Format(Filters, "d.received_at", InUnitsOrEvery)}
        """;

    /// <summary>
    /// The same rows at a recent instant, from the phases containing it split in two: the running ones (no end), overdue
    /// by due time alone (<c>ix_dossier_phases_running_due</c>: only the overdue are read); and those that ended at or
    /// after it (<c>ix_dossier_phases_ended</c>: since events may be dated up to minutes ahead, a dossier paused,
    /// resumed or closed since was in such a phase then). <c>(from, to]</c> contains the instant when from &lt; it ≤ to.
    /// Each row then fetches its dossier by code (a lateral probe, kept apart by its <c>limit</c>): the planner cannot
    /// estimate how few phases are overdue among those running, and as a plain join hashed all 1.3M dossiers (1.1 s).
    /// <para>
    /// The instant is written into the statement, not passed as $1, so that each call is planned for its instant: a
    /// plan cached for any instant cannot tell that few phases end after a recent one, and scanned every phase (the
    /// soak: 689 runs of the list and its count over a second in 30 minutes; ops/bench/results/soak-stalls-2026-12-05.md).
    /// </para>
    /// </summary>
    private static string OverdueAtRecent(DateTimeOffset at)
    {
        var instant = $"'{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)}'::timestamptz";
        return $"""
            from (
                select p.code, p.due_at, p.late_by from {TrackerTables.DossierPhases} p
                where upper_inf(p.period) and not p.paused and p.due_at < {instant} and lower(p.period) < {instant}
                union all
                select p.code, p.due_at, p.late_by from {TrackerTables.DossierPhases} p
                where upper(p.period) >= {instant} and lower(p.period) < {instant} and not p.paused and p.due_at < {instant}
            ) p
            cross join lateral (select * from {TrackerTables.Dossiers} d where d.code = p.code limit 1) d
            where true
            {string.Format(Filters, "d.received_at", InUnitsOrEvery)}
            """;
    }

    /// <summary>
    /// How far back an instant is recent: the phases ended since are few (a day of closes), while the probe of
    /// <see cref="OverdueAtFromHistory"/> would read every dossier open at that instant.
    /// </summary>
    private static readonly TimeSpan Recent = TimeSpan.FromDays(1);

    /// <summary>Open, running and past their due time at $1; the date range applies to receipt.</summary>
    private string OverdueAt(DateTimeOffset at) => at >= clock.Now - Recent ? OverdueAtRecent(at) : OverdueAtFromHistory;

    /// <summary>Completed late; the date range applies to completion.</summary>
    private static string CompletedLate(bool wholeTree) =>
        $"""
        from {TrackerTables.Dossiers} d
        where d.result = 'late'
        {string.Format(Filters, "d.completed_at", wholeTree ? EveryUnit : InUnits)}
        """;

    /// <summary>
    /// Completed late and not in the open list at $1 (the whole list of both states shows such a dossier once, as open).
    /// The open list is small: <c>not in</c> hashes its codes once instead of probing phases for each completed row.
    /// </summary>
    private string CompletedLateNotOverdueAt(DateTimeOffset at, bool wholeTree) =>
        $"""
        {CompletedLate(wholeTree)}
        and d.code not in (select d.code {OverdueAt(at)})
        """;

    /// <summary>Open and running, due in [$1, $8]; the date range applies to receipt.</summary>
    private static readonly string DueBetween =
        $"""
        from {TrackerTables.Dossiers} d
        where d.closed_at is null and not d.paused and d.due_at >= $1 and d.due_at <= $8
        {string.Format(Filters, "d.received_at", InUnitsOrEvery)}
        """;

    /// <summary>
    /// The orders of the lists (<see cref="DossierListResponses.Sort"/>) over rows whose due time is <paramref name="due"/>
    /// and whose working hours overdue are <paramref name="lateBy"/>, ties broken by code as .NET compares it (ordinal).
    /// Rows overdue up to one instant have no stored hours (null, all equal): the most overdue are those due first.
    /// </summary>
    private static string OrderBy(ListSort sort, string due, string lateBy, string rows = "d") => sort switch
    {
        ListSort.DueAt => $"{due}, {rows}.code collate \"C\"",
        ListSort.ReceivedAt => $"{rows}.received_at, {rows}.code collate \"C\"",
        _ => $"{lateBy} desc, {due}, {rows}.code collate \"C\"",
    };

    /// <summary>
    /// Of the dossiers open, running and past their due time at <paramref name="at"/> (the date range applies to receipt),
    /// how many there are and the first <paramref name="limit"/> in the list's order: of those still running, overdue up
    /// to <paramref name="at"/>, and of those completed since, whose overdue hours stop at completion (stored per phase,
    /// <see cref="LateBy.OfPeriod"/>). One statement driven by the phases containing <paramref name="at"/> (GiST), each
    /// part numbered in its order; the rows of the two parts are not merged: the caller sorts them.
    /// </summary>
    /// <remarks>
    /// A statement per part, split on <c>completed_at</c>, let PostgreSQL start from the dossiers instead (the running
    /// ones are few among 1M, the completed ones most): "open now" went from 107 to 820 ms (p50) in the reads bench.
    /// </remarks>
    public Task<DossierListRows> OverdueAtAsync(DateTimeOffset at, string[]? units, DossierListRequest request, ListSort sort, long limit,
        CancellationToken cancellationToken) =>
        reads.ReadAsync(source => OverdueAtAsync(source, OverdueAt(at), at, units, request, sort, limit, cancellationToken));

    private static async Task<DossierListRows> OverdueAtAsync(NpgsqlDataSource dataSource, string overdueAt, DateTimeOffset at, string[]? units, DossierListRequest request,
        ListSort sort, long limit, CancellationToken cancellationToken)
    {
        var lateBy = "case when d.completed_at is null then null else p.late_by end";
        await using var command = dataSource.CreateCommand(
            $"""
            select * from (
                select {string.Format(Columns, "p.due_at")}, count(*) over () as total,
                       row_number() over (partition by d.completed_at is null order by {OrderBy(sort, "p.due_at", lateBy)}) as n
                {overdueAt}) o
            where n <= $8
            """);
        AddParameters(command.Parameters, at, units, request);
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DossierListRow>();
        var total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader));
            total = (int)reader.GetInt64(12);
        }
        return new DossierListRows(total, rows);
    }

    public Task<int> CountOverdueAtAsync(DateTimeOffset at, string[]? units, DossierListRequest request, CancellationToken cancellationToken) =>
        CountAsync($"select count(*) {OverdueAt(at)}", at, units, request, cancellationToken);

    /// <summary>
    /// The <paramref name="limit"/> rows after the first <paramref name="offset"/> of those completed late, in the list's
    /// order; with <paramref name="notOverdueAt"/>, without those in the open list at that instant.
    /// </summary>
    public Task<DossierListRows> CompletedLateAsync(string[]? units, DossierListRequest request, ListSort sort, long offset, long limit,
        DateTimeOffset? notOverdueAt, CancellationToken cancellationToken) =>
        reads.ReadAsync(source => CompletedLateAsync(source,
            notOverdueAt is { } at ? CompletedLateNotOverdueAt(at, wholeTree: units is null) : CompletedLate(wholeTree: units is null), units, request, sort, offset, limit,
            notOverdueAt, cancellationToken));

    private static async Task<DossierListRows> CompletedLateAsync(NpgsqlDataSource dataSource, string from, string[]? units, DossierListRequest request, ListSort sort,
        long offset, long limit, DateTimeOffset? notOverdueAt, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        var count = new NpgsqlBatchCommand($"select count(*) {from}");
        // The page's keys from the index alone (ix_dossiers_late_order holds the list's order and every filtered column),
        // then only the page's rows: an offset read through the wide rows visited each one skipped.
        var page = new NpgsqlBatchCommand(
            $"""
            select {string.Format(Columns, "d.due_at")}
            from (select d.code, d.late_by, d.due_at, d.received_at {from} order by {OrderBy(sort, "d.due_at", "d.late_by")} limit $8 offset $9) k
            cross join lateral (select * from {TrackerTables.Dossiers} d where d.code = k.code limit 1) d
            order by {OrderBy(sort, "k.due_at", "k.late_by", rows: "k")}
            """);
        AddParameters(count.Parameters, notOverdueAt ?? DateTimeOffset.UnixEpoch, units, request);
        AddParameters(page.Parameters, notOverdueAt ?? DateTimeOffset.UnixEpoch, units, request);
        page.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Bigint });
        page.Parameters.Add(new NpgsqlParameter { Value = offset, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(count);
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        return new DossierListRows(total, await ReadRowsAsync(reader, cancellationToken));
    }

    /// <summary>Open and running, due in [<paramref name="now"/>, <paramref name="until"/>]; the date range applies to receipt.</summary>
    public Task<List<DossierListRow>> DueBetweenAsync(DateTimeOffset now, DateTimeOffset until, string[]? units, DossierListRequest request, CancellationToken cancellationToken) =>
        RowsAsync($"select {string.Format(Columns, "d.due_at")} {DueBetween}", now, units, request, cancellationToken, until);

    public Task<int> CountDueBetweenAsync(DateTimeOffset now, DateTimeOffset until, string[]? units, DossierListRequest request, CancellationToken cancellationToken) =>
        CountAsync($"select count(*) {DueBetween}", now, units, request, cancellationToken, until);

    private Task<List<DossierListRow>> RowsAsync(string sql, DateTimeOffset instant, string[]? units, DossierListRequest request,
        CancellationToken cancellationToken, DateTimeOffset? until = null) =>
        reads.ReadAsync(async dataSource =>
        {
            await using var command = dataSource.CreateCommand(sql);
            AddParameters(command.Parameters, instant, units, request, until);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await ReadRowsAsync(reader, cancellationToken);
        });

    private Task<int> CountAsync(string sql, DateTimeOffset instant, string[]? units, DossierListRequest request,
        CancellationToken cancellationToken, DateTimeOffset? until = null) =>
        reads.ReadAsync(async dataSource =>
        {
            await using var command = dataSource.CreateCommand(sql);
            AddParameters(command.Parameters, instant, units, request, until);
            return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
        });

    private static void AddParameters(NpgsqlParameterCollection parameters, DateTimeOffset instant, string[]? units, DossierListRequest request,
        DateTimeOffset? until = null)
    {
        var (start, end) = request.Instants();
        parameters.Add(new NpgsqlParameter { Value = instant.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = (object?)units ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)start?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = (object?)end?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.ProcedureCodes ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = request.Channel is { } c ? WireNames.Of(c) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)request.DossierCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        if (until is { } u) parameters.Add(new NpgsqlParameter { Value = u.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    private static async Task<List<DossierListRow>> ReadRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<DossierListRow>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(ReadRow(reader));
        return rows;
    }

    /// <summary>The current row, selected with <see cref="Columns"/> first.</summary>
    private static DossierListRow ReadRow(NpgsqlDataReader reader)
    {
        WireNames.TryParse<Channel>(reader.GetString(3), out var channel);
        WireNames.TryParse<DossierStatus>(reader.GetString(4), out var status);
        return new DossierListRow(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), channel, status,
            reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9), reader.GetBoolean(10),
            reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11));
    }
}
