using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Audit;

/// <summary>An entry as readers see it.</summary>
public sealed record AuditItem(Guid Id, DateTimeOffset At, AuditActor Actor, string Action, string? UnitCode, string? Subject,
    JsonNode? Before, JsonNode? After, string? Reason);

/// <summary>One page of entries, newest first, with how many match in all (the late list's paging).</summary>
public sealed record AuditPage(int Total, int Page, int PageSize, IReadOnlyList<AuditItem> Items);

/// <summary>Reads the trail for <c>GET /api/audit</c> and the dashboard's audit page: one round trip for the count and the page.</summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public async Task<AuditPage> PageAsync(AuditReader reader, AuditFilter filter, IReadOnlyList<string>? unitCodes, CancellationToken cancellationToken)
    {
        const string where =
            $"""
            where (unit_code = any($1) or (unit_code is null and $2) or (actor_kind = $3 and actor_id = $4))
              and ($5::timestamptz is null or at >= $5) and ($6::timestamptz is null or at < $6)
              and ($7::text is null or action = $7)
              and ($8::text is null or actor_id = $8 or actor_name = $8)
              and ($9::text is null or subject = $9)
              and ($10::text[] is null or unit_code = any($10))
            """;
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"select count(*) from {AuditTable.Name} {where}", reader, filter, unitCodes));
        var page = Command(
            $"""
            select id, at, actor_kind, actor_id, actor_name, action, unit_code, subject, before::text, after::text, reason
            from {AuditTable.Name} {where}
            order by at desc, id desc limit $11 offset $12
            """, reader, filter, unitCodes);
        page.Parameters.Add(new NpgsqlParameter { Value = filter.Paging.PageSize, NpgsqlDbType = NpgsqlDbType.Integer });
        page.Parameters.Add(new NpgsqlParameter { Value = filter.Paging.Offset, NpgsqlDbType = NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(page);

        await using var rows = await batch.ExecuteReaderAsync(cancellationToken);
        await rows.ReadAsync(cancellationToken);
        var total = (int)rows.GetInt64(0);
        await rows.NextResultAsync(cancellationToken);
        var items = new List<AuditItem>();
        while (await rows.ReadAsync(cancellationToken))
        {
            items.Add(new AuditItem(rows.GetGuid(0), rows.GetFieldValue<DateTimeOffset>(1),
                new AuditActor(rows.GetString(2), rows.GetString(3), rows.IsDBNull(4) ? null : rows.GetString(4)),
                rows.GetString(5), rows.IsDBNull(6) ? null : rows.GetString(6), rows.IsDBNull(7) ? null : rows.GetString(7),
                rows.IsDBNull(8) ? null : JsonNode.Parse(rows.GetString(8)), rows.IsDBNull(9) ? null : JsonNode.Parse(rows.GetString(9)),
                rows.IsDBNull(10) ? null : rows.GetString(10)));
        }
        return new AuditPage(total, filter.Paging.Page, filter.Paging.PageSize, items);
    }

    private static NpgsqlBatchCommand Command(string sql, AuditReader reader, AuditFilter filter, IReadOnlyList<string>? unitCodes)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = reader.UnitCodes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.SeesProvinceWide, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.Self.Kind, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = reader.Self.Id, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Start?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.End?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Action ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Subject ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)unitCodes?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return command;
    }
}
