using System.Diagnostics;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// The baseline of the rebuild, in the same run: the rows it wrote (both read-model tables) exported with binary COPY,
/// then only their COPY into bare tables of the same columns timed: the fastest PostgreSQL takes those rows at all.
/// </summary>
public static class RawCopyBaseline
{
    public static async Task<(long Rows, TimeSpan Elapsed)> MeasureAsync(NpgsqlDataSource database)
    {
        await using var connection = await database.OpenConnectionAsync();
        long rows = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var table in new[] { "dossiers", "dossier_phases" })
        {
            var copy = $"tracker.bench_raw_{table}";
            await ExecuteAsync(connection, $"drop table if exists {copy}; create table {copy} (like tracker.{table})");
            using var exported = new MemoryStream();
            await using (var output = await connection.BeginRawBinaryCopyAsync($"copy tracker.{table} to stdout (format binary)"))
                await output.CopyToAsync(exported);
            exported.Position = 0;

            var clock = Stopwatch.StartNew();
            await using (var input = await connection.BeginRawBinaryCopyAsync($"copy {copy} from stdin (format binary)"))
                await exported.CopyToAsync(input);
            elapsed += clock.Elapsed;

            await using (var count = new NpgsqlCommand($"select count(*) from {copy}", connection)) rows += (long)(await count.ExecuteScalarAsync())!;
            await ExecuteAsync(connection, $"drop table {copy}");
        }
        return (rows, elapsed);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
