using System.Globalization;
using System.Text;

namespace DossierTracker.LoadBench;

/// <summary>
/// The overload stage's figures: the checks, the status histogram, each 10 seconds of the run, and the CPU split. The
/// checks count from the instant each request was due (the harness's lateness included, so they can only be
/// pessimistic); the harness's lateness and the latency from sending are shown beside them, so the reader can tell the
/// tracker's latency from the harness's.
/// </summary>
public sealed class OverloadReport(Measurement sustainable, double offered, TimeSpan duration, int connections, IReadOnlyList<OverloadAnswer> answers, ResourceUse? use)
{
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private const double AnsweredWithinMs = 2000, AcceptedP99Ms = 500, SentLateMs = 100;

    private double[] Accepted => [.. answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.Ms).Order()];
    private bool AllAnsweredInTime => answers.All(a => a.Status != 0 && a.Ms <= AnsweredWithinMs);
    private bool OnlyExpectedStatuses => answers.All(a => a.Status is (>= 200 and < 300) or 429 or 503);
    private bool AcceptedFastEnough => Accepted.Length > 0 && SoakFigures.Percentile(Accepted, 0.99) < AcceptedP99Ms;

    public bool Passed => AllAnsweredInTime && OnlyExpectedStatuses && AcceptedFastEnough;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Numbers, $"## Overload: {OverloadBench.Factor:0.#}× the sustainable single-post rate, open loop, for {duration.TotalSeconds:0} s (issue 17)\n");
        text.AppendLine(Numbers, $"Sustainable rate, measured first in this run: {sustainable.EventsPerSecond:N0} posts/s ({sustainable.Concurrency} clients, closed loop, "
            + $"{sustainable.Elapsed.TotalSeconds:0} s; p50 {sustainable.P50Ms:N1} ms, p99 {sustainable.P99Ms:N1} ms). Offered: {offered:N0} posts/s, each a new dossier's "
            + $"`received`, latency counted from the instant it was due (a request the harness could not send on time counts too); sent over {connections:N0} connections "
            + $"opened beforehand (raw HTTP/1.1, pre-serialised bodies); client timeout {OverloadSender.ClientTimeout.TotalSeconds:0} s.\n");
        var late = answers.Count(a => a.Status != 0 && a.Ms > AnsweredWithinMs);
        var unanswered = answers.Count(a => a.Status == 0);
        var accepted = Accepted;
        text.AppendLine("| check | measured | met |");
        text.AppendLine("|---|---|---|");
        Row(text, $"every request answered within {AnsweredWithinMs / 1000:0} s", $"{answers.Count - late - unanswered:N0} of {answers.Count:N0}; {late:N0} later, {unanswered:N0} not at all (30 s)", AllAnsweredInTime);
        Row(text, "only 2xx, 429 and 503", $"{answers.Count(a => a.Status is not ((>= 200 and < 300) or 429 or 503) && a.Status != 0):N0} other answers", OnlyExpectedStatuses);
        Row(text, $"accepted p99 < {AcceptedP99Ms:0} ms", $"p99 {SoakFigures.Percentile(accepted, 0.99):N0} ms (p50 {SoakFigures.Percentile(accepted, 0.5):N0}, max {SoakFigures.Percentile(accepted, 1):N0}) over {accepted.Length:N0} accepted", AcceptedFastEnough);
        text.AppendLine();
        var lateness = answers.Select(a => a.SentLateMs).Order().ToArray();
        var sinceSent = answers.Where(a => a.Status is >= 200 and < 300).Select(a => a.SinceSentMs).Order().ToArray();
        text.AppendLine(Numbers, $"The harness's own lateness (from the instant a request was due to the instant it left, no connection being free): "
            + $"p50 {SoakFigures.Percentile(lateness, 0.5):N1} ms, p99 {SoakFigures.Percentile(lateness, 0.99):N1} ms, max {SoakFigures.Percentile(lateness, 1):N0} ms; "
            + $"{lateness.Count(l => l > SentLateMs):N0} of {lateness.Length:N0} sent more than {SentLateMs:0} ms late. From the instant each left the harness (the tracker's part): "
            + $"{answers.Count(a => a.Status != 0 && a.SinceSentMs <= AnsweredWithinMs):N0} answered within 2 s; accepted p50 {SoakFigures.Percentile(sinceSent, 0.5):N0} ms, "
            + $"p99 {SoakFigures.Percentile(sinceSent, 0.99):N0} ms, max {SoakFigures.Percentile(sinceSent, 1):N0} ms.\n");
        text.AppendLine(Numbers, $"Accepted {accepted.Length / duration.TotalSeconds:N0} posts/s over the run ({accepted.Length / duration.TotalSeconds / sustainable.EventsPerSecond:P0} of the sustainable rate).\n");

        text.AppendLine("| status | answers | share | p50 ms | p99 ms | max ms | with Retry-After |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var status in answers.GroupBy(a => a.Status).OrderBy(g => g.Key))
        {
            var ms = status.Select(a => a.Ms).Order().ToArray();
            text.AppendLine(Numbers, $"| {(status.Key == 0 ? "no answer" : status.Key.ToString(Numbers))} | {ms.Length:N0} | {ms.Length / (double)answers.Count:P1} | "
                + $"{SoakFigures.Percentile(ms, 0.5):N0} | {SoakFigures.Percentile(ms, 0.99):N0} | {ms[^1]:N0} | {status.Count(a => a.RetryAfter):N0} |");
        }
        text.AppendLine();

        text.AppendLine($"| seconds | sent | 2xx | 429 | 503 | other | no answer | answered > 2 s | accepted p99 ms | all p99 ms | sent > {SentLateMs:0} ms late | harness lateness p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var window in answers.GroupBy(a => (int)(a.Due.TotalSeconds / 10)).OrderBy(g => g.Key))
        {
            var all = window.Select(a => a.Ms).Order().ToArray();
            var ok = window.Where(a => a.Status is >= 200 and < 300).Select(a => a.Ms).Order().ToArray();
            text.AppendLine(Numbers, $"| {window.Key * 10}–{window.Key * 10 + 10} | {all.Length:N0} | {ok.Length:N0} | {window.Count(a => a.Status == 429):N0} | {window.Count(a => a.Status == 503):N0} | "
                + $"{window.Count(a => a.Status is not ((>= 200 and < 300) or 429 or 503 or 0)):N0} | {window.Count(a => a.Status == 0):N0} | {window.Count(a => a.Status != 0 && a.Ms > AnsweredWithinMs):N0} | "
                + $"{SoakFigures.Percentile(ok, 0.99):N0} | {SoakFigures.Percentile(all, 0.99):N0} | {window.Count(a => a.SentLateMs > SentLateMs):N0} | "
                + $"{SoakFigures.Percentile([.. window.Select(a => a.SentLateMs).Order()], 0.99):N0} |");
        }
        text.AppendLine();
        if (use is not null)
        {
            double Group(string name) => use.CoresByGroup.GetValueOrDefault(name);
            text.AppendLine(Numbers, $"CPU over the overload (cores of {use.Cores:0}): tracker {Group("tracker"):0.00}, PostgreSQL {Group("PostgreSQL"):0.00}, "
                + $"this harness {Group("benchmark harness"):0.00}, other processes {use.OtherCores:0.00}, idle {use.Cores - use.BusyCores:0.00}; tracker RSS peak {use.TrackerRssPeakMb:N0} MB; "
                + $"load average {use.LoadBefore} → {use.LoadAfter}.\n");
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, string check, string measured, bool met) =>
        text.AppendLine(Numbers, $"| {check} | {measured} | {(met ? "yes" : "**no**")} |");
}
