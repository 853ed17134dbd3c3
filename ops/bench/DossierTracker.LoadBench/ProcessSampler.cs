using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// Samples /proc once a second while a stage runs: the tracker's resident memory, and how the machine's CPU time was
/// shared between the tracker, PostgreSQL, the load generator and everything else (other users of a shared machine).
/// </summary>
public sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly int _trackerPid;
    private readonly IReadOnlyDictionary<string, Func<IEnumerable<int>>> _groups;
    private readonly Dictionary<int, long> _lastTicks = [];
    private readonly Dictionary<string, long> _groupTicks;
    private readonly (long Busy, long Total) _machineStart;
    private readonly string _loadStart = LoadAverage();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<(TimeSpan At, double RssMb)> _rssTrace = [];
    private long _rssPeakKb, _rssSumKb, _samples;

    /// <param name="groups">Named sets of processes whose CPU time is counted (their pids are looked up at each sample).</param>
    public ProcessSampler(int trackerPid, IReadOnlyDictionary<string, Func<IEnumerable<int>>> groups)
    {
        (_trackerPid, _groups) = (trackerPid, groups);
        _groupTicks = groups.Keys.ToDictionary(k => k, _ => 0L);
        _machineStart = MachineTicks();
        Sample();
        _loop = RunAsync();
    }

    /// <summary>The tracker's RSS at each sample, from the start (complete once <see cref="StopAsync"/> has returned).</summary>
    public IReadOnlyList<(TimeSpan At, double RssMb)> RssTrace => _rssTrace;

    public async Task<ResourceUse> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        var (busy, total) = MachineTicks();
        var seconds = _clock.Elapsed.TotalSeconds;
        double Cores(long ticks) => ticks / (double)TicksPerSecond / seconds;
        var machineBusy = busy - _machineStart.Busy;
        return new ResourceUse(
            _clock.Elapsed,
            _rssPeakKb / 1024.0,
            _samples == 0 ? 0 : _rssSumKb / 1024.0 / _samples,
            ProcStatusKb(_trackerPid, "VmHWM") / 1024.0,
            _groupTicks.ToDictionary(g => g.Key, g => Cores(g.Value)),
            Cores(machineBusy - _groupTicks.Values.Sum()),
            Cores(machineBusy),
            (total - _machineStart.Total) / (double)TicksPerSecond / seconds,
            _loadStart,
            LoadAverage());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Sample();
        }
        catch (OperationCanceledException)
        {
            // StopAsync takes the last sample.
        }
    }

    private void Sample()
    {
        var rss = ProcStatusKb(_trackerPid, "VmRSS");
        _rssPeakKb = Math.Max(_rssPeakKb, rss);
        _rssSumKb += rss;
        _samples++;
        _rssTrace.Add((_clock.Elapsed, rss / 1024.0));
        foreach (var (name, pids) in _groups)
        {
            foreach (var pid in pids())
            {
                var ticks = ProcessTicks(pid);
                if (ticks < 0) continue;
                // A process first seen now counts from when the stage started only if it started during it.
                var last = _lastTicks.TryGetValue(pid, out var previous) ? previous : (_samples == 1 ? ticks : 0);
                _groupTicks[name] += ticks - last;
                _lastTicks[pid] = ticks;
            }
        }
    }

    /// <summary>USER_HZ: /proc counts CPU time in hundredths of a second on Linux.</summary>
    private const int TicksPerSecond = 100;

    /// <summary>utime + stime of a process, in ticks; -1 when it is gone.</summary>
    private static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    public static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>A process and its direct children (PostgreSQL's postmaster and its backends).</summary>
    public static IEnumerable<int> WithChildren(int pid)
    {
        yield return pid;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var child) && ParentOf(child) == pid) yield return child;
    }

    private static long ProcStatusKb(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Busy and total ticks of all CPUs (/proc/stat): user nice system idle iowait irq softirq steal.</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return (total - fields[3] - fields[4], total);
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}

/// <summary>What a stage used. CPU figures are in cores (2.0 = both cores of a 2-core machine busy throughout).</summary>
public sealed record ResourceUse(
    TimeSpan Elapsed, double TrackerRssPeakMb, double TrackerRssMeanMb, double TrackerVmHwmMb,
    IReadOnlyDictionary<string, double> CoresByGroup, double OtherCores, double BusyCores, double Cores, string LoadBefore, string LoadAfter);
