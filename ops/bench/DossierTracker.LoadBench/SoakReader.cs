using System.Text.Json;

namespace DossierTracker.LoadBench;

/// <summary>What the soak's clients share: the tracker, the demo data, what is loaded so far and the request log.</summary>
public sealed record SoakContext(
    BenchSettings Bench, ProvinceSettings Province, DemoReferenceData Reference, LoadedMonths Months, SeenDossiers Seen, RequestLog Log, HttpClient Api);

/// <summary>
/// One supervisor's loop, a request as soon as the previous one is answered, until the deadline: in turn the monthly
/// report of the province and of a unit below it, the late lists (open now, open at a month's end, completed late in a
/// month), due soon, a dossier seen in a late list, and a dashboard visit. Each turn takes a random loaded month, with
/// the key of the province valid in it.
/// </summary>
public sealed class SoakReader(SoakContext context, int seed)
{
    private readonly Random _random = new(seed);

    public async Task RunAsync(CancellationToken deadline)
    {
        for (var turn = seed; !deadline.IsCancellationRequested; turn++)
        {
            if (context.Months.Pick(_random) is not { } month)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
                continue;
            }
            var province = context.Reference.ProvinceOn(month);
            var key = context.Province.SupervisorKeys[province.Code];
            var (unit, end) = (province.Code, month.AddMonths(1).AddDays(-1));
            var task = (turn % 8) switch
            {
                0 => ReadAsync("report: province", key, $"/api/reports/monthly?month={month:yyyy-MM}&unit={unit}"),
                1 => ReadAsync("report: a unit below the province", key,
                    $"/api/reports/monthly?month={month:yyyy-MM}&unit={Pick(context.Reference.BelowProvince(province, month)).Code}"),
                2 => ListAsync("late: open now", key, unit, $"/api/dossiers/late?unit={unit}"),
                3 => ListAsync("late: open at a month's end", key, unit, $"/api/dossiers/late?unit={unit}&at={month.AddMonths(1):yyyy-MM-dd}T00:00:00%2B07:00"),
                4 => ListAsync("late: completed late in a month", key, unit, $"/api/dossiers/late?unit={unit}&state=completed&from={month:yyyy-MM-dd}&to={end:yyyy-MM-dd}"),
                5 => ReadAsync("due soon", key, $"/api/dossiers/due-soon?unit={unit}"),
                6 => context.Seen.Pick(unit, _random) is { } code
                    ? ReadAsync("dossier view", key, $"/api/dossiers/{Uri.EscapeDataString(code)}")
                    : Task.CompletedTask,
                _ => DashboardVisit.RunAsync(context.Bench.Url, context.Log, key, month, context.Seen.Pick(unit, _random)),
            };
            try
            {
                await task;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                context.Log.Surprise($"reader {seed}", $"an answer it could not read: {e.Message}");
            }
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private async Task<Answer> ReadAsync(string kind, string key, string path) =>
        await context.Log.SendAsync(kind, path, () => Http.GetAsync(context.Api, key, path));

    /// <summary>A late list; a few of its dossiers are kept for the dossier views.</summary>
    private async Task ListAsync(string kind, string key, string province, string path)
    {
        var answer = await ReadAsync(kind, key, path);
        if (!answer.IsSuccess) return;
        using var page = JsonDocument.Parse(answer.Body);
        context.Seen.Add(province, page.RootElement.GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("dossierCode").GetString()!).Take(5));
    }
}
