using System.Diagnostics;
using System.Globalization;
using DossierTracker.Simulator.Sending;

namespace DossierTracker.Simulator.Cli;

/// <summary>
/// Progress on stderr: a bar redrawn in place on a terminal, a line every so often when stderr is a file (a log).
/// The rate is the recent one (since the previous report), the ETA comes from the fraction done so far.
/// </summary>
public sealed class Progress : IAsyncDisposable
{
    private const int BarWidth = 30;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private readonly TextWriter _error;
    private readonly SendTally _tally;
    private readonly Func<double?> _fraction;
    private readonly Func<string> _detail;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private (TimeSpan At, long Sent) _previous;

    /// <param name="fraction">Share of the work done, from 0 to 1; null when the work has no end (live mode).</param>
    /// <param name="detail">Anything else worth a glance (simulated time, open dossiers).</param>
    /// <param name="lineInterval">How often to write a line when stderr is not a terminal.</param>
    public Progress(TextWriter error, SendTally tally, Func<double?> fraction, Func<string> detail, TimeSpan lineInterval)
    {
        (_error, _tally, _fraction, _detail) = (error, tally, fraction, detail);
        _loop = RunAsync(_interactive ? TimeSpan.FromMilliseconds(250) : lineInterval);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Report();
        if (_interactive) await _error.WriteLineAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) Report();
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisposeAsync, which writes the last report.
        }
    }

    private void Report()
    {
        var (now, sent) = (_clock.Elapsed, _tally.Sent);
        var rate = (sent - _previous.Sent) / Math.Max(0.001, (now - _previous.At).TotalSeconds);
        _previous = (now, sent);
        var parts = new List<string>();
        if (_fraction() is { } fraction)
        {
            fraction = Math.Clamp(fraction, 0, 1);
            if (_interactive)
            {
                var filled = (int)Math.Round(fraction * BarWidth);
                parts.Add($"[{new string('#', filled)}{new string('.', BarWidth - filled)}]");
            }
            parts.Add(string.Format(Numbers, "{0,5:0.0} %", fraction * 100));
            parts.Add(fraction > 0.001 ? $"ETA {Duration(now / fraction - now)}" : "ETA …");
        }
        parts.Add(string.Format(Numbers, "{0:N0} events", sent));
        parts.Add(string.Format(Numbers, "{0:N0} events/s", rate));
        if (_tally.Rejected > 0) parts.Add(string.Format(Numbers, "{0:N0} rejected", _tally.Rejected));
        parts.Add(_detail());
        var line = string.Join("  ", parts.Where(p => p.Length > 0));
        if (_interactive) _error.Write($"\r{line}\u001b[K");
        else _error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
    }

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}" : $"{span.Minutes}:{span.Seconds:00}";
}
