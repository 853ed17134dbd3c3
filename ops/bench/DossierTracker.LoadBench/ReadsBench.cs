using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// Issue 17's reads under write load, on the synthetic store of 1,000,000 dossiers (<see cref="SyntheticDossiers"/>):
/// the late lists at 1M and the dashboard overview idle and while a posting loop writes, for the tracker under test and,
/// when <c>BENCH_BASELINE_DLL</c> names an earlier build, for that build on the same store first (the baseline of the
/// same run).
/// </summary>
public sealed partial class ReadsBench(BenchSettings bench, string apiDll, string? baselineDll, string unitsFile, string proceduresFile, double scale)
{
    /// <summary>1,000,000 dossiers, or the share <c>BENCH_SCALE</c> of them (2025's 90,000 always among them).</summary>
    private readonly int _size = Math.Max(SyntheticDossiers.InYear, (int)(1_000_000 * scale));
    private const string BaselineUrl = "http://127.0.0.1:5095";
    private const int Writers = 4;
    private const int EventsPerBatch = 200;

    private sealed record Read(string Name, string Path, double? GoalMs);

    private sealed record ProcedureFile(string Code, string[] Levels);

    private sealed record UnitFile(string Code, string Level, string? ParentCode);

    private sealed record Results(List<QueryLatency> Lists, QueryLatency OverviewIdle, QueryLatency OverviewLoaded, WriteLoad.Figures Writes);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public async Task<string> RunAsync()
    {
        var units = Load<UnitFile>(unitsFile);
        var province = units.Single(u => u.ParentCode is null).Code;
        var receivers = units.Where(u => u.ParentCode is not null)
            .SelectMany(u => Load<ProcedureFile>(proceduresFile).Where(p => p.Levels.Contains(u.Level)).Select(p => (u.Code, p.Code)))
            .ToList();
        var reads = Reads(province);

        await using var database = NpgsqlDataSource.Create(bench.ConnectionString);
        var store = new SyntheticDossiers(database, apiDll, bench.ConnectionString);
        Progress($"filling {_size:N0} dossiers");
        var clock = Stopwatch.StartNew();
        await store.FillAsync(_size, receivers);
        Progress($"filled in {clock.Elapsed.TotalSeconds:N0} s");

        Results? before = null;
        if (baselineDll is not null)
        {
            Progress($"baseline {baselineDll} on {BaselineUrl}");
            await using (var baseline = await TrackerProcess.StartAsync(baselineDll, BaselineUrl, bench.ConnectionString))
                before = await MeasureAsync(BaselineUrl, reads, receivers, "baseline");
            // The baseline's start migrated the schema to its own: the tracker under test's is applied again.
            await store.DbApplyAsync();
            if (await ScalarAsync(database, "select count(*) from tracker.dossiers where result = 'late' and late_by is null") > 0) await store.FillLateByAsync();
            // The phases' late_by (the open list at an instant sorts on it) is newer than some baselines, whose migration leaves it empty.
            await store.ExecuteAsync("""
                update tracker.dossier_phases p set late_by = coalesce(d.late_by, 0)
                from tracker.dossiers d where d.code = p.code and d.completed_at is not null and p.late_by is null
                """);
            await store.ExecuteAsync("vacuum analyze tracker.dossiers");
        }
        Progress("tracker under test");
        var after = await MeasureAsync(bench.Url, reads, receivers, "after");
        return Table(_size, reads, before, after);
    }

    private static List<Read> Reads(string province)
    {
        var late = $"api/dossiers/late?unit={province}";
        return
        [
            new("late: completed late, all time, first page", $"{late}&state=completed", 20),
            new("late: completed late, all time, page 100", $"{late}&state=completed&page=100", 20),
            new("late: completed late in 2025-06", $"{late}&state=completed&from=2025-06-01&to=2025-06-30", 20),
            new("late: open at the end of 2025-06", $"{late}&at=2025-07-01T00:00:00%2B07:00", 20),
            new("late: open now", late, null),
            new("late: both states now, first page", $"{late}&state=all", null),
            // The overview's largest part, alone: its 12-month trend.
            new("trend 2025-01 – 2025-12", $"api/reports/trend?unit={province}&from=2025-01&to=2025-12", null),
        ];
    }

    private async Task<Results> MeasureAsync(string url, List<Read> reads, List<(string Unit, string Procedure)> receivers, string run)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        var lists = new List<QueryLatency>();
        foreach (var read in reads) lists.Add(await QueryLatency.MeasureAsync(http, bench.SupervisorKey, read.Name, read.Path));

        using var dashboard = await SignedInAsync(url);
        const string overview = "?month=2025-12";
        var idle = await QueryLatency.MeasureAsync(dashboard, null, "overview idle", overview);
        await using var load = WriteLoad.Start(url, bench.IngestKey, receivers, Writers, EventsPerBatch, run);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var loaded = await QueryLatency.MeasureAsync(dashboard, null, "overview under write load", overview);
        return new Results(lists, idle, loaded, await load.StopAsync());
    }

    /// <summary>A dashboard session as a browser opens it: the sign-in form's antiforgery token, then the key posted.</summary>
    private async Task<HttpClient> SignedInAsync(string url)
    {
        var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var form = await browser.GetStringAsync("/signin");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var signIn = await browser.PostAsync("/signin?handler=Key", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = bench.SupervisorKey, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Dashboard sign-in answered {(int)signIn.StatusCode}.");
        return browser;
    }

    private static string Table(int size, List<Read> reads, Results? before, Results after)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Synthetic store of {size:N0} dossiers (as the reports stage). One client, 30 calls after 3 warm-ups; ms.");
        text.AppendLine();
        text.AppendLine("| read | goal p95 | before: p50 / p95 | after: p50 / p95 | met after | after / before (p95) | answer after |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---|");
        for (var i = 0; i < reads.Count; i++) Row(text, reads[i].Name, reads[i].GoalMs, before?.Lists[i], after.Lists[i]);
        Row(text, "dashboard overview ?month=2025-12, idle", 150, before?.OverviewIdle, after.OverviewIdle);
        Row(text, "dashboard overview ?month=2025-12, under write load", 150, before?.OverviewLoaded, after.OverviewLoaded);
        text.AppendLine();
        if (before is not null) text.AppendLine(CultureInfo.InvariantCulture, $"Write load during the baseline's overview: {before.Writes}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Write load during the overview of the tracker under test: {after.Writes}.");
        text.AppendLine();
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, double? goal, QueryLatency? before, QueryLatency after)
    {
        var goalText = goal is { } g ? $"< {g} ms" : "—";
        var met = goal is { } limit ? (after.P95Ms < limit ? "yes" : "**no**") : "";
        var beforeText = before is null ? "–" : $"{before.P50Ms:N1} / {before.P95Ms:N1}";
        var ratio = before is null ? "–" : $"{after.P95Ms / before.P95Ms:N2}";
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {goalText} | {beforeText} | {after.P50Ms:N1} / {after.P95Ms:N1} | {met} | {ratio} | {after.Answer} |");
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static List<T> Load<T>(string file) =>
        JsonSerializer.Deserialize<List<T>>(File.ReadAllText(file), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static void Progress(string message) => Console.Error.WriteLine($"[reads] {DateTime.UtcNow:HH:mm:ss} {message}");
}
