using DossierTracker.Api.ReadModel;
using DossierTracker.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.LateDossiers;

/// <summary>A dossier row as the list queries read it, before names and working hours are added.</summary>
public sealed record DossierListRow(
    string Code, string UnitCode, string ProcedureCode, Channel Channel, DossierStatus Status, DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt, DateTimeOffset? CompletedAt, string? Handler, bool ApologyIssued, DateTimeOffset? NewAppointmentAt);

/// <summary>
/// SQL behind the lists. "Open and overdue at T" reads the phase that contains T (GiST on the period), so it is
/// exact for any instant — now, or the end of a past month — and only touches dossiers open at T.
/// </summary>
public sealed class DossierListQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "d.code, d.unit_code, d.procedure_code, d.channel, d.status, d.received_at, {0}, d.completed_at, d.handler, d.apology_issued, d.new_appointment_at";

    private const string Filters =
        """
        and d.unit_code in (select unnest($2))
        and ($3::timestamptz is null or {0} >= $3) and ($4::timestamptz is null or {0} < $4)
        and ($5::text is null or d.procedure_code = $5) and ($6::text is null or d.channel = $6)
        """;

    /// <summary>Open, running and past their due time at <paramref name="at"/>; the date range applies to receipt.</summary>
    public Task<List<DossierListRow>> OverdueAtAsync(DateTimeOffset at, string[] units, DossierListRequest request, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            select {string.Format(Columns, "p.due_at")}
            from {TrackerTables.DossierPhases} p join {TrackerTables.Dossiers} d on d.code = p.code
            where p.period @> $1 and not p.paused and p.due_at < $1
            {string.Format(Filters, "d.received_at")}
            """, at, units, request, cancellationToken);

    /// <summary>Completed late; the date range applies to completion.</summary>
    public Task<List<DossierListRow>> CompletedLateAsync(string[] units, DossierListRequest request, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            select {string.Format(Columns, "d.due_at")}
            from {TrackerTables.Dossiers} d
            where d.result = 'late'
            {string.Format(Filters, "d.completed_at")}
            """, DateTimeOffset.UnixEpoch, units, request, cancellationToken);

    /// <summary>Open and running, due in [<paramref name="now"/>, <paramref name="until"/>]; the date range applies to receipt.</summary>
    public Task<List<DossierListRow>> DueBetweenAsync(DateTimeOffset now, DateTimeOffset until, string[] units, DossierListRequest request, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            select {string.Format(Columns, "d.due_at")}
            from {TrackerTables.Dossiers} d
            where d.closed_at is null and not d.paused and d.due_at >= $1 and d.due_at <= $7
            {string.Format(Filters, "d.received_at")}
            """, now, units, request, cancellationToken, until);

    private async Task<List<DossierListRow>> QueryAsync(string sql, DateTimeOffset instant, string[] units, DossierListRequest request,
        CancellationToken cancellationToken, DateTimeOffset? until = null)
    {
        var (start, end) = request.Instants();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = instant.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = units, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)start?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)end?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)request.Procedure ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Channel is { } c ? WireNames.Of(c) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        if (until is { } u) command.Parameters.Add(new NpgsqlParameter { Value = u.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });

        var rows = new List<DossierListRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            WireNames.TryParse<Channel>(reader.GetString(3), out var channel);
            WireNames.TryParse<DossierStatus>(reader.GetString(4), out var status);
            rows.Add(new DossierListRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), channel, status,
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetBoolean(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }
        return rows;
    }
}
