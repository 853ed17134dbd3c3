using System.Collections.Concurrent;
using System.Diagnostics;

namespace DossierTracker.LoadBench;

/// <summary>What one request got: its status (0 when no answer came), body and redirect target.</summary>
public sealed record Answer(int Status, string Body, string? Location)
{
    public bool IsSuccess => Status is >= 200 and < 300;
}

public sealed record RequestRecord(TimeSpan At, string Kind, int Status, double Ms);

/// <summary>A request answered with a 5xx, or not answered at all.</summary>
public sealed record FailedRequest(DateTimeOffset When, string Kind, string Path, int Status, string Body);

/// <summary>Every request the soak's clients send, timed and counted by kind; 5xx and surprises kept for the report.</summary>
public sealed class RequestLog(Stopwatch clock)
{
    private const int MaxSamples = 30;
    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private readonly ConcurrentQueue<FailedRequest> _failures = new();
    private readonly ConcurrentQueue<string> _surprises = new();
    private long _surpriseCount;

    public IReadOnlyCollection<RequestRecord> Records => _records;
    public IReadOnlyCollection<FailedRequest> Failures => _failures;
    public IReadOnlyCollection<string> Surprises => _surprises;
    public long SurpriseCount => Interlocked.Read(ref _surpriseCount);
    public Stopwatch Clock => clock;

    /// <summary>Sends a request and times it to the end of its body.</summary>
    /// <param name="due">When an open-loop client meant to send it (on <see cref="Clock"/>): its latency counts from then.</param>
    public async Task<Answer> SendAsync(string kind, string path, Func<Task<HttpResponseMessage>> send, TimeSpan? due = null)
    {
        var started = due ?? clock.Elapsed;
        Answer answer;
        try
        {
            using var response = await send();
            answer = new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            answer = new Answer(0, e.Message, null);
        }
        _records.Enqueue(new RequestRecord(started, kind, answer.Status, (clock.Elapsed - started).TotalMilliseconds));
        if (answer.Status is 0 or >= 500)
            _failures.Enqueue(new FailedRequest(DateTimeOffset.UtcNow, kind, path, answer.Status, Head(answer.Body)));
        else if (answer.Status >= 400)
            Surprise(kind, $"{answer.Status} for {path}: {Head(answer.Body)}");
        return answer;
    }

    /// <summary>An answer that is not a 5xx but not what the client expected (a 4xx, a failed sign-in, a write not visible).</summary>
    public void Surprise(string kind, string what)
    {
        if (Interlocked.Increment(ref _surpriseCount) <= MaxSamples) _surprises.Enqueue($"{clock.Elapsed:mm\\:ss} {kind}: {what}");
    }

    private static string Head(string body) => body.Length <= 300 ? body : body[..300] + " …";
}
