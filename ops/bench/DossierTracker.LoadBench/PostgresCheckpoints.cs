using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>One checkpoint of PostgreSQL's log (log_checkpoints): when it started and ended, why, and its phases' times.</summary>
public sealed record Checkpoint(DateTimeOffset Started, DateTimeOffset Ended, string Reason, long Buffers, double WriteSeconds, double SyncSeconds, double DistanceMb);

/// <summary>The checkpoints PostgreSQL logged (its server log, BENCH_PG_LOG; log_checkpoints is on by default since 15).</summary>
public static partial class PostgresCheckpoints
{
    public static IReadOnlyList<Checkpoint> Between(string? path, DateTimeOffset from, DateTimeOffset to)
    {
        if (path is null || !File.Exists(path)) return [];
        var checkpoints = new List<Checkpoint>();
        (DateTimeOffset At, string Reason)? starting = null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (Starting().Match(line) is { Success: true } start) starting = (PostgresLogTime.Of(start), start.Groups["reason"].Value);
            else if (Complete().Match(line) is { Success: true } end && starting is { } begun)
            {
                var ended = PostgresLogTime.Of(end);
                if (ended >= from && begun.At <= to)
                    checkpoints.Add(new Checkpoint(begun.At, ended, begun.Reason, long.Parse(end.Groups["buffers"].Value, CultureInfo.InvariantCulture),
                        Seconds(end, "write"), Seconds(end, "sync"), long.Parse(end.Groups["distance"].Value, CultureInfo.InvariantCulture) / 1024.0));
                starting = null;
            }
        }
        return checkpoints;
    }

    private static double Seconds(Match line, string phase) => double.Parse(line.Groups[phase].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?<zone>\S+) \[\d+\] LOG:  checkpoint starting: (?<reason>.*)$")]
    private static partial Regex Starting();

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?<zone>\S+) \[\d+\] LOG:  checkpoint complete: wrote (?<buffers>\d+) buffers.*write=(?<write>[\d.]+) s, sync=(?<sync>[\d.]+) s, total=[\d.]+ s;.*distance=(?<distance>\d+) kB")]
    private static partial Regex Complete();
}
