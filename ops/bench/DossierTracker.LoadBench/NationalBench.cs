using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// Issue 20 part 4, national volume. Two stores:
/// 1. a real slice: a province-year (2024, <c>NATIONAL_SLICE_SCALE</c> of it) written by the simulator as JSON lines and
///    loaded by the service's <c>import</c> command into the benchmark database; its tables' sizes give bytes per
///    million dossiers of the event store and of the read model, and a measured <c>projections rebuild</c> of it the
///    rebuild rate;
/// 2. a synthetic read model of <c>NATIONAL_DOSSIERS</c> (10,000,000 × <c>BENCH_SCALE</c>) over five years and several
///    provinces made by the simulator's <c>units --provinces</c> (<see cref="NationalDossiers"/>), in a database of its
///    own with a tracker of its own, where a province's year report and the late lists are measured.
/// </summary>
public sealed partial class NationalBench(BenchSettings bench, string apiDll, string simulatorDll, string demoUnits, string provinceUnits,
    string proceduresFile, string workDirectory, double scale)
{
    /// <summary>A province-year of the whole country on average: ~15 million dossiers a year over 34 provinces.</summary>
    public const double ProvinceYear = 15_000_000 / 34.0;
    // NATIONAL_DATABASE: another name keeps two stores side by side (a national one and a single province's, for plans).
    private static readonly string NationalDatabase = Environment.GetEnvironmentVariable("NATIONAL_DATABASE") is { Length: > 0 } name ? name : "dossiertracker_national";
    // The reads stage's second port (its baseline build): free under the benchmark lock.
    private static readonly string NationalUrl = Environment.GetEnvironmentVariable("NATIONAL_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:5095";
    private static readonly CultureInfo N = CultureInfo.InvariantCulture;
    private static readonly string[] EventStore = ["mt_events", "mt_streams", "ingested_events"];
    private static readonly string[] ReadModel = ["dossiers", "dossier_phases"];

    private readonly long _dossiers = (long)(Number("NATIONAL_DOSSIERS", 10_000_000) * scale);
    private readonly double _sliceScale = Number("NATIONAL_SLICE_SCALE", 0.1);
    // NATIONAL_PROVINCES: the number of provinces, whatever the size (by default as many as make a province-year the
    // national average's), so that a small store keeps the national store's share of other provinces' rows.
    private readonly int? _provinces = Number("NATIONAL_PROVINCES", 0) is > 0 and var p ? (int)p : null;
    // NATIONAL_STORE_ONLY=1: build the synthetic store and stop, for plans read by hand (EXPLAIN), with no timing.
    private readonly bool _storeOnly = Environment.GetEnvironmentVariable("NATIONAL_STORE_ONLY") == "1";

    private sealed record ProcedureFile(string Code, string[] Levels);

    private sealed record UnitFile(string Code, string Level, string? ParentCode);

    private sealed record Read(string Name, string Path, double? GoalMs);

    [GeneratedRegex(@"Read model rebuilt: (\d+) dossiers from (\d+) events in (\d+) ms.*")]
    private static partial Regex Rebuilt();

    /// <summary>Each part is written as soon as it is measured, so a run stopped part-way keeps what it measured.</summary>
    public async Task RunAsync(TextWriter output)
    {
        await output.WriteAsync(await SyntheticAsync());
        await output.FlushAsync();
        if (_storeOnly) return;
        await output.WriteAsync(await SliceAsync());
    }

    private async Task<string> SliceAsync()
    {
        var file = Path.Combine(workDirectory, string.Create(N, $"national-slice-{_sliceScale}.jsonl"));
        Progress($"writing the slice: 2024 at scale {_sliceScale}");
        await CommandAsync("simulator", simulatorDll, bench.ConnectionString,
            ["backfill", "--from", "2024-01-01", "--to", "2024-12-31", "--scale", _sliceScale.ToString(N), "--out", file,
             "--units", demoUnits, "--procedures", proceduresFile]);
        Progress("importing the slice");
        var import = await CommandAsync("import", apiDll, bench.ConnectionString, ["import", "--file", file]);
        File.Delete(file);

        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        await ExecuteAsync(database, "vacuum analyze");
        var sizes = await SizesAsync(database, [.. EventStore, .. ReadModel]);
        var dossiers = await ScalarAsync(database, "select count(*) from tracker.dossiers");
        var events = await ScalarAsync(database, "select count(*) from tracker.mt_events");

        Progress("rebuilding the slice's read model");
        var rebuild = await CommandAsync("rebuild", apiDll, bench.ConnectionString, ["projections", "rebuild"]);
        var reported = Rebuilt().Match(rebuild.Output);
        if (!reported.Success) throw new InvalidOperationException($"projections rebuild said no figures:\n{rebuild.Output}");
        var rebuildMs = double.Parse(reported.Groups[3].Value, N);
        var rebuiltEvents = long.Parse(reported.Groups[2].Value, N);

        var text = new StringBuilder();
        text.AppendLine(N, $"## The real slice: a province-year (2024, simulator scale {_sliceScale}) through `import`");
        text.AppendLine();
        text.AppendLine(N, $"{dossiers:N0} dossiers, {events:N0} events ({(double)events / dossiers:0.00} a dossier); import wall time {import.Elapsed:m\\:ss} (start-up included, {events / import.Elapsed.TotalSeconds:N0} events/s).");
        text.AppendLine();
        text.AppendLine("| table | rows | table MB | indexes MB | total MB | bytes per dossier | GB per million dossiers |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sizes) SizeRow(text, $"{s.Table} ({(EventStore.Contains(s.Table) ? "event store" : "read model")})", s.Rows, s.Heap, s.Indexes, dossiers);
        SizeRow(text, "**event store** (events, streams, ledger)", null, Sum(sizes, EventStore, s => s.Heap), Sum(sizes, EventStore, s => s.Indexes), dossiers);
        SizeRow(text, "**read model** (dossiers, phases)", null, Sum(sizes, ReadModel, s => s.Heap), Sum(sizes, ReadModel, s => s.Indexes), dossiers);
        text.AppendLine();
        text.AppendLine(N, $"Rebuild (`projections rebuild`, measured on the slice): {rebuiltEvents:N0} events in {rebuildMs / 1000:0.0} s, **{rebuiltEvents / (rebuildMs / 1000):N0} events/s** (command wall time {rebuild.Elapsed:m\\:ss}). The command: {reported.Value.Trim()}");
        text.AppendLine();
        return text.ToString();
    }

    private async Task<string> SyntheticAsync()
    {
        var provinces = _provinces ?? (int)Math.Max(1, Math.Round(_dossiers / (5 * ProvinceYear)));
        var unitsFile = Path.Combine(workDirectory, $"national-units-{provinces}.json");
        await CommandAsync("simulator", simulatorDll, bench.ConnectionString, ["units", "--provinces", provinces.ToString(N), "--units", provinceUnits, "--out", unitsFile]);
        var units = Load<UnitFile>(unitsFile);
        var procedures = Load<ProcedureFile>(proceduresFile);
        var receivers = units.Where(u => u.ParentCode is not null)
            .SelectMany(u => procedures.Where(p => p.Levels.Contains(u.Level)).Select(p => (u.Code, p.Code))).ToList();
        var province = units.First(u => u.ParentCode is null).Code;

        var connection = new NpgsqlConnectionStringBuilder(bench.ConnectionString) { Database = NationalDatabase }.ConnectionString;
        await using (var admin = NpgsqlDataSource.Create(bench.ConnectionString))
        {
            await ExecuteAsync(admin, $"drop database if exists {NationalDatabase} with (force)");
            await ExecuteAsync(admin, $"create database {NationalDatabase}");
            // Building the indexes of 10 million rows: memory for the sorts (the default 64 MB spills to disk).
            await ExecuteAsync(admin, $"alter database {NationalDatabase} set maintenance_work_mem = '512MB'");
        }
        await CommandAsync("db-apply", apiDll, connection, ["db-apply"]);
        await CommandAsync("reference data", apiDll, connection, ["reference-data", "load", "--units", unitsFile, "--procedures", proceduresFile]);
        var key = (await CommandAsync("keys", apiDll, connection, ["keys", "create", "--role", "supervisor", "--unit", province, "--name", "bench national supervisor"]))
            .Output.Trim().Split('\n')[^1].Trim();

        await using var database = NpgsqlDataSource.Create(connection);
        var store = new SyntheticDossiers(database, apiDll, connection);
        Progress($"filling {_dossiers:N0} dossiers over {provinces} provinces and five years");
        var clock = Stopwatch.StartNew();
        await new NationalDossiers(database, store).FillAsync(_dossiers, receivers, Progress);
        var filled = clock.Elapsed;
        var sizes = await SizesAsync(database, ReadModel);
        var inYear = await ScalarAsync(database, $"select count(*) from tracker.dossiers where received_at >= '2025-01-01T00:00:00+07' and received_at < '2026-01-01T00:00:00+07' and unit_code like '%.{province.Split('.')[^1]}'");

        if (_storeOnly) return $"Store only (NATIONAL_STORE_ONLY): {_dossiers:N0} dossiers over {provinces} provinces in {NationalDatabase}, province {province}, written in {filled:h\\:mm\\:ss}.\n";
        Progress("measuring through the tracker");
        var reads = Reads(province);
        var results = new List<QueryLatency>();
        await using (await TrackerProcess.StartAsync(apiDll, NationalUrl, connection))
        {
            using var http = new HttpClient { BaseAddress = new Uri(NationalUrl), Timeout = TimeSpan.FromMinutes(5) };
            foreach (var read in reads) results.Add(await QueryLatency.MeasureAsync(http, key, read.Name, read.Path));
        }

        var text = new StringBuilder();
        text.AppendLine(N, $"## The synthetic store: {_dossiers:N0} dossiers, {provinces} provinces × five years (2021–2025)");
        text.AppendLine();
        text.AppendLine(N, $"One dossier every {NationalDossiers.Step(_dossiers):0.00} s over {receivers.Count:N0} (unit, procedure) pairs of {provinces} provinces ({units.Count:N0} units, the simulator's `units --provinces {provinces}` of `bench-province.json`); province {province} received {inYear:N0} in 2025 (the national average province-year is {ProvinceYear:N0}). Written, indexed and analysed in {filled:h\\:mm\\:ss}.");
        text.AppendLine();
        text.AppendLine("| table | rows | table MB | indexes MB | total MB | bytes per dossier | GB per million dossiers |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sizes) SizeRow(text, s.Table, s.Rows, s.Heap, s.Indexes, _dossiers);
        SizeRow(text, "**read model**", null, sizes.Sum(s => s.Heap), sizes.Sum(s => s.Indexes), _dossiers);
        text.AppendLine();
        text.AppendLine(N, $"Database size: {await ScalarAsync(database, "select pg_database_size(current_database())") / 1e9:0.00} GB.");
        text.AppendLine();
        text.AppendLine(N, $"Reads of province {province} (one client, 30 calls after 3 warm-ups; ms):");
        text.AppendLine();
        text.AppendLine("| read | goal p95 | p50 | p95 | max | met | answer |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        for (var i = 0; i < reads.Count; i++)
        {
            var (read, r) = (reads[i], results[i]);
            var met = read.GoalMs is { } goal ? (r.P95Ms < goal ? "yes" : "**no**") : "";
            text.AppendLine(N, $"| {read.Name} | {(read.GoalMs is { } g ? $"< {g} ms" : "—")} | {r.P50Ms:N1} | {r.P95Ms:N1} | {r.MaxMs:N1} | {met} | {r.Answer} |");
        }
        text.AppendLine();
        return text.ToString();
    }

    private static List<Read> Reads(string province)
    {
        var report = $"api/reports/form06?unit={province}&period=2025";
        var late = $"api/dossiers/late?unit={province}";
        return
        [
            new("form06 year 2025, rows=unit", $"{report}&rows=unit", 500),
            new("form06 year 2025, rows=field", $"{report}&rows=field", 500),
            new("form06 year 2025, rows=unit compare=previous", $"{report}&rows=unit&compare=previous", 500),
            new("drill-down resolved 2025, first page", $"api/reports/form06/dossiers?unit={province}&period=2025&column=resolved", null),
            new("late: open now", late, 50),
            new("late: open at the end of 2025-06", $"{late}&at=2025-07-01T00:00:00%2B07:00", 50),
            new("late: completed late in 2025-06", $"{late}&state=completed&from=2025-06-01&to=2025-06-30", 50),
            new("late: completed late, all time, first page", $"{late}&state=completed", 50),
            new("late: completed late, all time, page 100", $"{late}&state=completed&page=100", 50),
        ];
    }

    private sealed record TableSize(string Table, long Rows, long Heap, long Indexes);

    private static async Task<List<TableSize>> SizesAsync(NpgsqlDataSource database, string[] tables)
    {
        var sizes = new List<TableSize>();
        foreach (var table in tables)
        {
            var name = $"tracker.{table}";
            sizes.Add(new TableSize(table, await ScalarAsync(database, $"select count(*) from {name}"),
                // The table with its TOAST and maps; the indexes apart.
                await ScalarAsync(database, $"select pg_table_size('{name}')"), await ScalarAsync(database, $"select pg_indexes_size('{name}')")));
        }
        return sizes;
    }

    private static long Sum(List<TableSize> sizes, string[] tables, Func<TableSize, long> size) => sizes.Where(s => tables.Contains(s.Table)).Sum(size);

    private static void SizeRow(StringBuilder text, string name, long? rows, long heap, long indexes, long dossiers) =>
        text.AppendLine(N, $"| {name} | {(rows is { } r ? r.ToString("N0", N) : "")} | {heap / 1e6:N0} | {indexes / 1e6:N0} | {(heap + indexes) / 1e6:N0} | {(double)(heap + indexes) / dossiers:N0} | {(heap + indexes) / (double)dossiers * 1e6 / 1e9:0.00} |");

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), N);
    }

    /// <summary>A command of the service or the simulator, from its project folder (appsettings.json), progress echoed.</summary>
    private static async Task<(TimeSpan Elapsed, string Output)> CommandAsync(string name, string dll, string connection, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Marten"] = connection + ";Command Timeout=0", ["Logging__LogLevel__Default"] = "Warning" },
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"The {name} did not start.");
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) Console.Error.WriteLine($"    {name}: {text}"); };
        process.BeginErrorReadLine();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"The {name} failed (exit {process.ExitCode}):\n{output}");
        return (clock.Elapsed, output);
    }

    private static List<T> Load<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), N, out var value) ? value : fallback;

    private static void Progress(string message) => Console.Error.WriteLine($"[national] {DateTime.UtcNow:HH:mm:ss} {message}");
}
