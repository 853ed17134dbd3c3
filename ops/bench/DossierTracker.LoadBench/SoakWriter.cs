using System.Globalization;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>
/// The soak's writer: the traffic simulator backfilling one past year after another (2023, 2024, 2025, then 2022 and
/// earlier) until the deadline, when the year in progress is stopped. Each year is new days, so every dossier is new
/// (the same days would give the same codes); the simulator's intended resends are duplicates, nothing may be rejected.
/// </summary>
public sealed partial class SoakWriter(BenchSettings bench, ProvinceSettings province, LoadedMonths months)
{
    private int _pid, _retries;

    public List<SimulatorRun> Runs { get; } = [];
    public string? Failure { get; private set; }

    /// <summary>The simulator running now (0 between runs), for the CPU split.</summary>
    public int Pid => Volatile.Read(ref _pid);

    /// <summary>Batches the simulator retried (after a 429, 502, 503, 504 or no answer within its timeout).</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task RunAsync(CancellationToken deadline)
    {
        foreach (var year in Years())
        {
            if (deadline.IsCancellationRequested) break;
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            months.Add(from, from);
            try
            {
                var run = await SimulatorRun.BackfillAsync(bench, province, from, to, pid => Volatile.Write(ref _pid, pid), deadline,
                    line => Progress(from, line));
                Runs.Add(run);
                if (!run.Interrupted) months.Add(from, to);
            }
            catch (InvalidOperationException e)
            {
                Failure = e.Message;
                return;
            }
            finally
            {
                Volatile.Write(ref _pid, 0);
            }
        }
    }

    private static IEnumerable<int> Years()
    {
        int[] first = [2023, 2024, 2025];
        foreach (var year in first) yield return year;
        for (var year = 2022; year >= 2000; year--) yield return year;
    }

    private void Progress(DateOnly from, string line)
    {
        if (line.Contains("retrying in", StringComparison.Ordinal)) Interlocked.Increment(ref _retries);
        if (Reached().Match(line) is { Success: true } reached)
            months.Add(from, DateOnly.ParseExact(reached.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>The simulated day a progress line has reached ("… 12,345 dossiers  at 2024-03-17").</summary>
    [GeneratedRegex(@" at (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Reached();
}
