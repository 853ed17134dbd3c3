using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>One statement that PostgreSQL logged as slow, with its plan (auto_explain, which ops/up turns on): when it ended, how long it ran.</summary>
public sealed record SlowStatement(DateTimeOffset Ended, double Ms, string Query, IReadOnlyList<string> Plan)
{
    public DateTimeOffset Started => Ended - TimeSpan.FromMilliseconds(Ms);

    /// <summary>The statement on one line, whitespace collapsed: what groups the same statement's executions.</summary>
    public string Text => Regex.Replace(Query, @"\s+", " ").Trim();
}

/// <summary>
/// The statements PostgreSQL's server log (BENCH_PG_LOG) holds from auto_explain: a "duration: … ms  plan:" line, then
/// tab-indented lines with the query text and the plan (the first line with a cost starts the plan). Only those run in
/// <paramref name="database"/> when the line names its database (ops/up's log_line_prefix does).
/// </summary>
public static partial class PostgresSlowStatements
{
    public static IReadOnlyList<SlowStatement> Between(string? path, DateTimeOffset from, DateTimeOffset to, string database)
    {
        if (path is null || !File.Exists(path)) return [];
        var statements = new List<SlowStatement>();
        (DateTimeOffset Ended, double Ms, StringBuilder Query, List<string> Plan)? open = null;
        void Close()
        {
            if (open is { } s && s.Ended >= from && s.Ended - TimeSpan.FromMilliseconds(s.Ms) <= to)
                statements.Add(new SlowStatement(s.Ended, s.Ms, s.Query.ToString(), s.Plan));
            open = null;
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('\t') && open is { } current)
            {
                var content = line[1..];
                if (current.Plan.Count > 0 || content.Contains("(cost=", StringComparison.Ordinal)) current.Plan.Add(content);
                else current.Query.AppendLine(content.StartsWith("Query Text: ", StringComparison.Ordinal) ? content["Query Text: ".Length..] : content);
                continue;
            }
            Close();
            if (Duration().Match(line) is { Success: true } start && start.Groups["database"] is var db && (!db.Success || db.Value == database))
                open = (PostgresLogTime.Of(start), double.Parse(start.Groups["ms"].Value, CultureInfo.InvariantCulture), new StringBuilder(), []);
        }
        Close();
        return statements;
    }

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (?<zone>\S+) \[\d+\] (?:\S*@(?<database>\S+) )?LOG:  duration: (?<ms>[\d.]+) ms  plan:$")]
    private static partial Regex Duration();
}
