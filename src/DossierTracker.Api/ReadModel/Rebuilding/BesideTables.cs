using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.ReadModel.Rebuilding;

/// <summary>
/// The read model's tables built beside the live ones, from the same definitions (<see cref="TrackerTables"/>) under other
/// names, and switched in by renaming: after the switch, names, indexes and key are exactly what <c>db-apply</c> expects.
/// </summary>
internal static class BesideTables
{
    private const string Suffix = "_rebuild";

    /// <summary>For the index builds' sorts, per session (the default 64 MB spills a province's rows to disk).</summary>
    private const string MaintenanceWorkMemory = "256MB";

    private static readonly (Table Live, Table Beside, Table Bare)[] Pairs =
    [
        (TrackerTables.DossiersTable(), Renamed(TrackerTables.DossiersTable("dossiers" + Suffix)), Bare(TrackerTables.DossiersTable("dossiers" + Suffix))),
        (TrackerTables.DossierPhasesTable(), Renamed(TrackerTables.DossierPhasesTable("dossier_phases" + Suffix)), Bare(TrackerTables.DossierPhasesTable("dossier_phases" + Suffix))),
    ];

    public static string Dossiers => Pairs[0].Beside.Identifier.QualifiedName;

    public static string DossierPhases => Pairs[1].Beside.Identifier.QualifiedName;

    /// <summary>Index names are unique in a schema, so the beside tables' indexes carry the suffix until the switch.</summary>
    private static Table Renamed(Table table)
    {
        foreach (var index in table.Indexes) index.Name += Suffix;
        return table;
    }

    /// <summary>The table with its primary key but without its other indexes (<see cref="BuiltWithTable"/> adds some back).</summary>
    private static Table Bare(Table table)
    {
        table.Indexes.Clear();
        return table;
    }

    /// <summary>
    /// A GiST index costs as much kept up to date row by row as built at the end (measured: the phases' period index
    /// over a province-year, 55 s built, 59 s kept during an insert), so it is created with its table and maintained
    /// during the COPY, while the events are still being read and folded; btree indexes are built after the load.
    /// </summary>
    private static bool BuiltWithTable(IndexDefinition index) => index.Method == IndexMethod.gist;

    /// <summary>
    /// Drops what a crashed run left and creates the tables with their primary key and GiST indexes (<see cref="BuiltWithTable"/>):
    /// the btree indexes are built once the rows are in (<see cref="IndexAsync"/>), which is faster than keeping them up
    /// to date row by row.
    /// </summary>
    public static async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var (_, beside, _) in Pairs) sql.AppendLine($"drop table if exists {beside.Identifier.QualifiedName};");
        foreach (var (_, beside, bare) in Pairs)
        {
            sql.AppendLine(bare.ToBasicCreateTableSql());
            foreach (var index in beside.Indexes.Where(BuiltWithTable)) sql.AppendLine(index.ToDDL(beside) + ";");
        }
        await ExecuteAsync(connection, sql.ToString(), cancellation);
    }

    public static async Task DropAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        foreach (var (_, beside, _) in Pairs) await ExecuteAsync(connection, $"drop table if exists {beside.Identifier.QualifiedName}", cancellation);
    }

    /// <summary>
    /// Builds the btree indexes and gathers the planner's statistics (a new table has none): each table on a
    /// connection of its own, at once, with more memory for the sorts than a statement gets.
    /// </summary>
    public static async Task IndexAsync(NpgsqlDataSource dataSource, CancellationToken cancellation)
    {
        await Task.WhenAll(Pairs.Select(async pair =>
        {
            var (_, beside, _) = pair;
            await using var connection = await dataSource.OpenConnectionAsync(cancellation);
            await ExecuteAsync(connection, $"set maintenance_work_mem = '{MaintenanceWorkMemory}'", cancellation);
            foreach (var index in beside.Indexes.Where(index => !BuiltWithTable(index))) await ExecuteAsync(connection, index.ToDDL(beside), cancellation);
            await ExecuteAsync(connection, $"analyze {beside.Identifier.QualifiedName}", cancellation);
        }));
    }

    /// <summary>Drops the live tables and gives the beside tables their names, in the caller's transaction.</summary>
    public static async Task SwitchAsync(NpgsqlConnection connection, CancellationToken cancellation)
    {
        var sql = new System.Text.StringBuilder();
        foreach (var (live, beside, _) in Pairs)
        {
            // The key takes the name the live table's has (the one db-apply gave it).
            var liveKey = live.PrimaryKeyColumns.Count == 0 ? null : await PrimaryKeyNameAsync(connection, live, cancellation);
            var besideKey = liveKey is null ? null : await PrimaryKeyNameAsync(connection, beside, cancellation);
            sql.AppendLine($"drop table {live.Identifier.QualifiedName};");
            sql.AppendLine($"alter table {beside.Identifier.QualifiedName} rename to {live.Identifier.Name};");
            if (liveKey is not null) sql.AppendLine($"alter table {live.Identifier.QualifiedName} rename constraint {besideKey} to {liveKey};");
            foreach (var index in live.Indexes)
                sql.AppendLine($"alter index {live.Identifier.Schema}.{index.Name}{Suffix} rename to {index.Name};");
        }
        await ExecuteAsync(connection, sql.ToString(), cancellation);
    }

    private static async Task<string> PrimaryKeyNameAsync(NpgsqlConnection connection, Table table, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand("select conname::text from pg_constraint where conrelid = $1::regclass and contype = 'p'", connection)
            { Parameters = { new NpgsqlParameter<string> { TypedValue = table.Identifier.QualifiedName } } };
        return await command.ExecuteScalarAsync(cancellation) as string
            ?? throw new InvalidOperationException($"{table.Identifier.QualifiedName} has no primary key.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
