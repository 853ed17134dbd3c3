using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>
/// Single posts at a steady rate (SOAK_POSTS_PER_SECOND, open loop) beside the simulator's batches: a new dossier's
/// <c>received</c> each, so that the soak measures single-post latency over thousands of requests (its p99.9), not
/// over the probe's one every 5 s.
/// </summary>
public sealed class SoakPoster(SoakContext context, double ratePerSecond)
{
    public const string Kind = "single post: POST /api/events";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public Task RunAsync(CancellationToken deadline) =>
        OpenLoop.RunAsync(ratePerSecond, context.Log.Clock, (n, due) => PostAsync(n, due), deadline);

    private async Task PostAsync(long n, TimeSpan due)
    {
        var occurredAt = DateTimeOffset.UtcNow.ToOffset(Vietnam).AddMinutes(-1);
        var today = DateOnly.FromDateTime(occurredAt.DateTime);
        var receivers = context.Reference.Receivers(today);
        var (unit, procedure) = receivers[(int)(n % receivers.Count)];
        var code = $"SOAKP-{_run}-{n:D6}";
        var body = new
        {
            eventId = code + "-received", type = "received", dossierCode = code,
            occurredAt = occurredAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            unitCode = unit.Code, procedureCode = procedure.Code, channel = "online",
        };
        var key = context.Province.IngestKeys.Split(',', StringSplitOptions.TrimEntries).Select(pair => pair.Split('=', 2))
            .Single(pair => pair[0] == context.Reference.ProvinceOn(today).Code)[1];
        var answer = await context.Log.SendAsync(Kind, "/api/events",
            () => Http.SendAsync(context.Api, key, HttpMethod.Post, "/api/events", body), due);
        if (answer.Status is not (0 or >= 500) && answer.Status != 201)
            context.Log.Surprise(Kind, $"{answer.Status} for {code}: {answer.Body}");
    }
}
