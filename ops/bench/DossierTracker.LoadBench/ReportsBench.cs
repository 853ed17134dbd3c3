using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// Issue 15's speed goals: form 06 over the year 2025 for the whole province and the first pages of its drill-downs,
/// through HTTP, on a synthetic store of 100,000 and then 1,000,000 dossiers with the same 2025 (see
/// <see cref="SyntheticDossiers"/>). Prints each p95 beside its goal, compare/without and 1M/100k.
/// </summary>
public sealed class ReportsBench(BenchSettings bench, string apiDll, string unitsFile, string proceduresFile)
{
    public static readonly int[] Sizes = [100_000, 1_000_000];
    private const string Year = "period=2025";

    private sealed record Read(string Name, string Path, double GoalMs);

    private sealed record ProcedureFile(string Code, string[] Levels);

    private sealed record UnitFile(string Code, string Level, string? ParentCode);

    public async Task<string> RunAsync()
    {
        var units = Load<UnitFile>(unitsFile);
        var province = units.Single(u => u.ParentCode is null).Code;
        var rowUnit = units.First(u => u.Level == "district").Code;
        var reads = Reads(province, rowUnit);
        var receivers = Receivers(units, Load<ProcedureFile>(proceduresFile));

        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        var store = new SyntheticDossiers(database, apiDll, bench.ConnectionString);
        using var http = new HttpClient { BaseAddress = new Uri(bench.Url), Timeout = TimeSpan.FromMinutes(5) };
        var results = new Dictionary<int, List<QueryLatency>>();
        var output = new StringBuilder();
        output.AppendLine(CultureInfo.InvariantCulture,
            $"Synthetic store: {receivers.Count} (unit, procedure) pairs over {units.Count - 1} units of {province}; 2025 holds {SyntheticDossiers.InYear:N0} dossiers at every size, the rest precede it at the same pace.");
        output.AppendLine();
        foreach (var size in Sizes)
        {
            Progress($"filling {size:N0} dossiers");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await store.FillAsync(size, receivers);
            Progress($"filled in {clock.Elapsed.TotalSeconds:N0} s; measuring");
            results[size] = [];
            foreach (var read in reads) results[size].Add(await QueryLatency.MeasureAsync(http, bench.SupervisorKey, read.Name, read.Path));
        }
        output.Append(Table(reads, results));
        return output.ToString();
    }

    private static List<Read> Reads(string province, string rowUnit)
    {
        var report = $"api/reports/form06?unit={province}&{Year}";
        var drill = $"api/reports/form06/dossiers?unit={province}&{Year}";
        return
        [
            new("form06 rows=unit", $"{report}&rows=unit", 300),
            new("form06 rows=field", $"{report}&rows=field", 300),
            new("form06 rows=procedure", $"{report}&rows=procedure", 300),
            new("form06 rows=unit compare=previous", $"{report}&rows=unit&compare=previous", 300),
            new("drill-down received, first page", $"{drill}&column=received", 100),
            new("drill-down resolved, first page", $"{drill}&column=resolved", 100),
            new("drill-down inProgress, first page", $"{drill}&column=inProgress", 100),
            new($"drill-down resolved of unit {rowUnit}, first page", $"{drill}&column=resolved&rowUnit={rowUnit}", 100),
        ];
    }

    private static string Table(List<Read> reads, Dictionary<int, List<QueryLatency>> results)
    {
        var (small, large) = (results[Sizes[0]], results[Sizes[1]]);
        var text = new StringBuilder();
        text.AppendLine("| read (year 2025, whole province) | goal p95 | p50 / p95 at 100k ms | p50 / p95 at 1M ms | met at 1M | p95 1M / 100k | answer at 1M |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---|");
        for (var i = 0; i < reads.Count; i++)
        {
            var (s, l) = (small[i], large[i]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {reads[i].Name} | < {reads[i].GoalMs} ms | {s.P50Ms:N1} / {s.P95Ms:N1} | {l.P50Ms:N1} / {l.P95Ms:N1} | {(l.P95Ms < reads[i].GoalMs ? "yes" : "no")} | {l.P95Ms / s.P95Ms:N2} (goal ≤ 2) | {l.Answer} |");
        }
        text.AppendLine();
        foreach (var size in Sizes)
        {
            var ratio = results[size][3].P95Ms / results[size][0].P95Ms;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"compare=previous / without (p95) at {size:N0}: {ratio:N2} (goal ≤ 1.5: {(ratio <= 1.5 ? "met" : "not met")}).");
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>Every unit below the province with each procedure of its level: who receives what.</summary>
    private static List<(string Unit, string Procedure)> Receivers(List<UnitFile> units, List<ProcedureFile> procedures) =>
        units.Where(u => u.ParentCode is not null)
            .SelectMany(u => procedures.Where(p => p.Levels.Contains(u.Level)).Select(p => (u.Code, p.Code)))
            .ToList();

    private static List<T> Load<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static void Progress(string message) => Console.Error.WriteLine($"[reports] {DateTime.UtcNow:HH:mm:ss} {message}");
}
