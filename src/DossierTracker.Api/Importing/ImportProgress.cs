using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.Api.Importing;

/// <summary>
/// The import's progress on stderr: a bar redrawn in place on a terminal, a line every 10 s when stderr is a file.
/// Lines and events/s are the recent rate (since the last report); time left comes from the bytes still to read at
/// this run's average rate.
/// </summary>
public sealed class ImportProgress : IAsyncDisposable
{
    private const int BarWidth = 30;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;
    private readonly TextWriter _error;
    private readonly EventImporter.Position _position;
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private (TimeSpan At, long Events) _previous;

    public ImportProgress(TextWriter error, EventImporter.Position position)
    {
        (_error, _position) = (error, position);
        _loop = RunAsync(_interactive ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(10));
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
        var (now, events, offset, length) = (_clock.Elapsed, _position.Events, _position.Offset, _position.Length);
        if (length == 0) return;
        var rate = (events - _previous.Events) / Math.Max(0.001, (now - _previous.At).TotalSeconds);
        _previous = (now, events);
        var fraction = Math.Clamp((double)offset / length, 0, 1);
        var doneThisRun = offset - _position.StartOffset;
        var left = doneThisRun > 0 ? TimeSpan.FromSeconds(now.TotalSeconds * (length - offset) / doneThisRun) : (TimeSpan?)null;

        var parts = new List<string>();
        if (_interactive)
        {
            var filled = (int)Math.Round(fraction * BarWidth);
            parts.Add($"[{new string('#', filled)}{new string('.', BarWidth - filled)}]");
        }
        parts.Add(string.Format(Numbers, "{0,5:0.0} %", fraction * 100));
        parts.Add(string.Format(Numbers, "line {0:N0}", _position.Line));
        parts.Add(string.Format(Numbers, "{0:N0} events/s", rate));
        if (_position.Rejected > 0) parts.Add(string.Format(Numbers, "{0:N0} rejected", _position.Rejected));
        parts.Add(left is { } l ? $"{Duration(l)} left" : "… left");
        var line = string.Join("  ", parts);
        if (_interactive) _error.Write($"\r{line}\u001b[K");
        else _error.WriteLine($"{DateTime.Now:HH:mm:ss} {line}");
    }

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}" : $"{span.Minutes}:{span.Seconds:00}";
}
