using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// A province-year through the service's <c>import</c> command (issue 17): the traffic simulator writes the year as
/// JSON lines, the command loads them into the fresh benchmark database, and the baseline copies the very rows it
/// wrote (events, streams, ledger, read model) with raw binary COPY into empty tables with the same indexes.
/// </summary>
public sealed class ImportBench(BenchSettings bench, string apiDll, string simulatorDll, string unitsFile, string proceduresFile, double scale, string workDirectory)
{
    private static readonly string[] Tables = ["mt_streams", "mt_events", "ingested_events", "dossiers", "dossier_phases"];
    private static readonly CultureInfo N = CultureInfo.InvariantCulture;

    public async Task<string> RunAsync()
    {
        var file = Path.Combine(workDirectory, string.Create(N, $"import-2024-scale-{scale}.jsonl"));
        var written = await RunAsync("simulator", simulatorDll, null,
            ["backfill", "--from", "2024-01-01", "--to", "2024-12-31", "--scale", scale.ToString(N), "--out", file,
             "--units", unitsFile, "--procedures", proceduresFile]);
        var lines = File.ReadLines(file).LongCount();

        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        var postmaster = await TrackerProcesses.PostmasterPidAsync(database);
        ProcessSampler? sampler = null;
        var import = await RunAsync("import", apiDll, pid => sampler = TrackerProcesses.Sampler(pid, postmaster), ["import", "--file", file]);
        var use = await sampler!.StopAsync();
        Console.Error.WriteLine(import.Output);

        var baseline = await RawCopyAsync(database);
        File.Delete(file);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Import of a province-year (2024, scale {scale}: {lines:N0} events in {new FileInfo(file).Name})");
        text.AppendLine();
        text.AppendLine("| run | rows | wall time | events/s | vs raw COPY | CPU cores: import / PostgreSQL / other / idle | load avg before → after |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        var copyTime = baseline.Sum(b => b.Elapsed.TotalSeconds);
        text.AppendLine(N, $"| `import` (command wall time, start-up included) | {lines:N0} events | {import.Elapsed:m\\:ss\\.f} | {lines / import.Elapsed.TotalSeconds:N0} | {import.Elapsed.TotalSeconds / copyTime:0.0}× the time | "
            + $"{use.CoresByGroup["tracker"]:0.00} / {use.CoresByGroup["PostgreSQL"]:0.00} / {use.OtherCores:0.00} / {use.Cores - use.BusyCores:0.00} | {use.LoadBefore} → {use.LoadAfter} |");
        text.AppendLine(N, $"| raw binary COPY of the rows it wrote (all five tables) | {baseline.Sum(b => b.Rows):N0} rows | {TimeSpan.FromSeconds(copyTime):m\\:ss\\.f} | {lines / copyTime:N0} | baseline | | |");
        text.AppendLine();
        text.AppendLine("| table (raw COPY) | rows | seconds | rows/s |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var b in baseline) text.AppendLine(N, $"| {b.Table} | {b.Rows:N0} | {b.Elapsed.TotalSeconds:0.0} | {b.Rows / b.Elapsed.TotalSeconds:N0} |");
        text.AppendLine();
        text.AppendLine(N, $"Writing the file (simulator `backfill --out`, not part of the figure): {written.Elapsed:m\\:ss}. The import's summary:");
        text.AppendLine();
        text.AppendLine("```");
        // The command line first lists the assemblies it searched for commands.
        text.AppendLine(import.Output[Math.Max(0, import.Output.IndexOf("Imported ", StringComparison.Ordinal))..].Trim());
        text.AppendLine("```");
        return text.ToString();
    }

    /// <summary>Each table's rows out to a file, then timed back into an empty copy of the table (same indexes).</summary>
    private async Task<List<(string Table, long Rows, TimeSpan Elapsed)>> RawCopyAsync(NpgsqlDataSource database)
    {
        var results = new List<(string, long, TimeSpan)>();
        await using var connection = await database.OpenConnectionAsync();
        await Execute(connection, "drop schema if exists bench_copy cascade; create schema bench_copy");
        foreach (var table in Tables)
        {
            var dump = Path.Combine(workDirectory, $"copy-{table}.bin");
            await using (var output = File.Create(dump))
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"copy tracker.{table} to stdout (format binary)"))
                await copy.CopyToAsync(output);
            await Execute(connection, $"create table bench_copy.{table} (like tracker.{table} including all)");
            var clock = Stopwatch.StartNew();
            await using (var input = File.OpenRead(dump))
            await using (var copy = await connection.BeginRawBinaryCopyAsync($"copy bench_copy.{table} from stdin (format binary)"))
                await input.CopyToAsync(copy);
            var elapsed = clock.Elapsed;
            await using var count = new NpgsqlCommand($"select count(*) from bench_copy.{table}", connection);
            results.Add((table, (long)(await count.ExecuteScalarAsync())!, elapsed));
            File.Delete(dump);
        }
        await Execute(connection, "drop schema bench_copy cascade");
        return results;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(TimeSpan Elapsed, string Output)> RunAsync(string name, string dll, Action<int>? started, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Marten"] = bench.ConnectionString, ["Logging__LogLevel__Default"] = "Warning" },
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The {name} did not start.");
        started?.Invoke(process.Id);
        // Progress lines (every 10 s) show on the console.
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) Console.Error.WriteLine($"    {name}: {text}"); };
        process.BeginErrorReadLine();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {name} failed (exit {process.ExitCode}):\n{output}");
        return (clock.Elapsed, output);
    }
}
