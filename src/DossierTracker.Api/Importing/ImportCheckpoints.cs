using System.Text.Json;
using DossierTracker.Api.ReadModel;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.Importing;

/// <summary>
/// How far an import of a file got, with its running totals: written in the transaction of each chunk, so the
/// store and the checkpoint never disagree, and a rerun continues at the first line not committed.
/// </summary>
/// <param name="RejectedBytes">Length of the side file of rejected lines up to this chunk; a resumed run cuts it back there.</param>
public sealed record ImportCheckpoint(long Line, long Offset, long Created, long Duplicates, IReadOnlyDictionary<string, long> Rejected, long RejectedBytes)
{
    public static readonly ImportCheckpoint Start = new(0, 0, 0, 0, new Dictionary<string, long>(), 0);
}

public static class ImportCheckpoints
{
    public const string Name = TrackerTables.Schema + ".import_checkpoints";

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(TrackerTables.Schema, "import_checkpoints", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("file_key").AsPrimaryKey();
        table.AddColumn<string>("file_name").NotNull();
        table.AddColumn<long>("line").NotNull();
        table.AddColumn<long>("byte_offset").NotNull();
        table.AddColumn<long>("created").NotNull();
        table.AddColumn<long>("duplicates").NotNull();
        table.AddColumn("rejected", "jsonb").NotNull();
        table.AddColumn<long>("rejected_bytes").NotNull();
        table.AddColumn("updated_at", "timestamptz").NotNull();
        return table;
    }

    public static async Task<ImportCheckpoint?> LoadAsync(NpgsqlDataSource dataSource, FileIdentity file, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select line, byte_offset, created, duplicates, rejected::text, rejected_bytes from {Name} where file_key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = file.Key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ImportCheckpoint(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
            JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(4))!, reader.GetInt64(5));
    }

    /// <summary>Queued into the chunk's session: committed with its events or not at all.</summary>
    public static void Save(IDocumentSession session, FileIdentity file, string fileName, ImportCheckpoint checkpoint, DateTimeOffset now) =>
        session.QueueSqlCommand(
            $"""
            insert into {Name} (file_key, file_name, line, byte_offset, created, duplicates, rejected, rejected_bytes, updated_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            on conflict (file_key) do update set file_name = excluded.file_name, line = excluded.line, byte_offset = excluded.byte_offset,
                created = excluded.created, duplicates = excluded.duplicates, rejected = excluded.rejected,
                rejected_bytes = excluded.rejected_bytes, updated_at = excluded.updated_at
            """,
            file.Key, fileName, checkpoint.Line, checkpoint.Offset, checkpoint.Created, checkpoint.Duplicates,
            JsonSerializer.Serialize(checkpoint.Rejected), checkpoint.RejectedBytes, now.ToUniversalTime());
}
