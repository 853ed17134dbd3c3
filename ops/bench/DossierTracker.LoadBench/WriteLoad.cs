using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// A simple posting loop: <c>writers</c> clients each posting batches of new dossiers' <c>received</c> events, the next
/// batch as soon as the last is answered, until stopped.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    public sealed record Figures(long Events, int Batches, int Failed, TimeSpan Elapsed)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Events:N0} events in {Batches:N0} batches over {Elapsed.TotalSeconds:N0} s ({Events / Math.Max(1, Elapsed.TotalSeconds):N0} events/s), {Failed} batches failed");
    }

    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly HttpClient _http;
    private readonly List<Task> _writers = [];
    private long _events;
    private int _batches;
    private int _failed;

    private WriteLoad(string url) => _http = Http.Client(url);

    public static WriteLoad Start(string url, string ingestKey, IReadOnlyList<(string Unit, string Procedure)> receivers, int writers,
        int eventsPerBatch, string run)
    {
        var load = new WriteLoad(url);
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            load._writers.Add(Task.Run(() => load.WriteAsync(ingestKey, receivers, writer, eventsPerBatch, run)));
        }
        return load;
    }

    private async Task WriteAsync(string ingestKey, IReadOnlyList<(string Unit, string Procedure)> receivers, int writer, int eventsPerBatch, string run)
    {
        for (var batch = 0; !_stop.IsCancellationRequested; batch++)
        {
            var occurredAt = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(7));
            var events = Enumerable.Range(0, eventsPerBatch).Select(n =>
            {
                var code = $"LOAD-{run}-{writer}-{batch}-{n}";
                var (unit, procedure) = receivers[(batch * eventsPerBatch + n) % receivers.Count];
                return new
                {
                    eventId = code + "-received", type = "received", dossierCode = code, occurredAt = occurredAt.ToString("O"),
                    unitCode = unit, procedureCode = procedure, channel = "online", dueAt = occurredAt.AddDays(5).ToString("O"),
                };
            }).ToList();
            try
            {
                using var response = await Http.SendAsync(_http, ingestKey, HttpMethod.Post, "/api/events/batch", new { events });
                if (response.IsSuccessStatusCode) Interlocked.Add(ref _events, events.Count);
                else Interlocked.Increment(ref _failed);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _failed);
            }
            Interlocked.Increment(ref _batches);
        }
    }

    public async Task<Figures> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
        return new Figures(Interlocked.Read(ref _events), _batches, _failed, _clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _http.Dispose();
        _stop.Dispose();
    }
}
