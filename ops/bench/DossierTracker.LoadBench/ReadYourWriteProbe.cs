using System.Diagnostics;
using System.Globalization;

namespace DossierTracker.LoadBench;

/// <summary>One probe: when its event was acknowledged, whether the first read showed it, and if not, after how long one did.</summary>
public sealed record ProbeResult(string Code, string List, int PostStatus, bool DossierAtOnce, TimeSpan? DossierAfter, bool ListAtOnce, TimeSpan? ListAfter);

/// <summary>
/// Read-your-write, measured rather than assumed: every few seconds a new dossier's <c>received</c> event (a unit and
/// procedure of the demo data valid today, occurred a few minutes ago, local offset), then at once the dossier and the
/// list it belongs in — the open late list when its due time has passed, due soon when it is an hour away. A read that
/// does not show it is repeated every 100 ms, up to 30 s.
/// </summary>
public sealed class ReadYourWriteProbe(SoakContext context)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly Random _random = new(8);
    private readonly string _run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

    public List<ProbeResult> Results { get; } = [];

    public async Task RunAsync(CancellationToken deadline)
    {
        using var timer = new PeriodicTimer(SoakSettings.ProbeInterval);
        try
        {
            for (var n = 0; await timer.WaitForNextTickAsync(deadline); n++)
            {
                try
                {
                    Results.Add(await ProbeAsync(n));
                }
                catch (InvalidOperationException e)
                {
                    context.Log.Surprise("probe", e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The deadline.
        }
    }

    private async Task<ProbeResult> ProbeAsync(int n)
    {
        var now = DateTimeOffset.UtcNow.ToOffset(Vietnam);
        var occurredAt = Whole(now.AddMinutes(-_random.Next(2, 7)));
        var today = DateOnly.FromDateTime(occurredAt.DateTime);
        var province = context.Reference.ProvinceOn(today).Code;
        var (unit, procedure) = Pick(context.Reference.Receivers(today));
        var late = n % 2 == 0;
        var dueAt = late ? occurredAt.AddMinutes(1) : Whole(now.AddHours(1));
        var code = $"SOAK-{_run}-{n:D4}";
        var body = new
        {
            eventId = code + "-received", type = "received", dossierCode = code, occurredAt = Wire(occurredAt),
            unitCode = unit.Code, procedureCode = procedure.Code, channel = "online", dueAt = Wire(dueAt),
        };
        var ingestKey = IngestKey(province);
        var post = await context.Log.SendAsync("probe: POST /api/events", "/api/events",
            () => Http.SendAsync(context.Api, ingestKey, HttpMethod.Post, "/api/events", body));
        var list = late ? "late" : "due-soon";
        if (post.Status != 201)
        {
            context.Log.Surprise("probe: POST /api/events", $"{post.Status} for {code}: {post.Body}");
            return new ProbeResult(code, list, post.Status, false, null, false, null);
        }

        var supervisorKey = context.Province.SupervisorKeys[province];
        var dossier = await VisibleAsync("probe: GET /api/dossiers/{code}", supervisorKey, $"/api/dossiers/{code}", _ => true);
        var listPath = $"/api/dossiers/{list}?unit={unit.Code}&procedure={procedure.Code}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=500";
        var listed = await VisibleAsync($"probe: GET {list} list", supervisorKey, listPath, answer => answer.Body.Contains($"\"{code}\"", StringComparison.Ordinal));
        return new ProbeResult(code, list, post.Status, dossier.AtOnce, dossier.After, listed.AtOnce, listed.After);
    }

    /// <summary>Whether the first read showed the write; the time from the acknowledgement to the read that did (null: none did).</summary>
    private async Task<(bool AtOnce, TimeSpan? After)> VisibleAsync(string kind, string key, string path, Func<Answer, bool> shows)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var answer = await context.Log.SendAsync(kind, path, () => Http.GetAsync(context.Api, key, path));
            if (answer.IsSuccess && shows(answer)) return (attempt == 0, clock.Elapsed);
            if (attempt == 0) context.Log.Surprise(kind, $"not visible at the first read ({answer.Status}): {path}");
            if (clock.Elapsed > Patience) return (false, null);
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }

    private string IngestKey(string province) =>
        context.Province.IngestKeys.Split(',', StringSplitOptions.TrimEntries).Select(pair => pair.Split('=', 2))
            .Single(pair => pair[0] == province)[1];

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static DateTimeOffset Whole(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, t.Offset);

    private static string Wire(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
