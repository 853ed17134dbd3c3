using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

/// <summary>
/// The late list's parts (open at an instant and still running, open then and completed since, completed late) are
/// sorted and paged by SQL and merged for the page. On random histories — due times in the evening, at weekends and
/// moved by a resumption, so that overdue hours tie and round alike — every page must be the slice of the whole list
/// as one page holds it (every row read and sorted in the service, as the list was built before), and that whole
/// list must follow the contract's order.
/// </summary>
public sealed class LateListPagingProperties(TrackerApp app) : ApiScenario(app)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(7));

    private static string At(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A random instant in the first nine weeks, on the half hour: evenings, nights and weekends included.</summary>
    private static DateTimeOffset Instant(Random random, DateTimeOffset after, int maxHours) =>
        after.AddMinutes(30 * random.Next(1, 2 * maxHours));

    private async Task PostRandomHistoriesAsync(int seed)
    {
        var random = new Random(seed);
        var events = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 60; i++)
        {
            // Codes that differ only in case test the ordinal tie-break.
            var code = $"P-{(char)('a' + random.Next(3))}{(char)(random.Next(2) == 0 ? 'X' : 'x')}{i:D2}";
            var received = Instant(random, Start, 24 * 40);
            var due = Instant(random, received, 24 * 6);
            events.Add(Received(code, At(received), dueAt: At(due), channel: random.Next(2) == 0 ? "online" : "direct"));
            var last = received;
            if (random.Next(3) == 0)
            {
                var paused = Instant(random, last, 24 * 3);
                var resumed = Instant(random, paused, 24 * 3);
                events.Add(Event("paused", code, At(paused), fields: [("reason", "supplement")]));
                events.Add(Event("resumed", code, At(resumed), fields: [("dueAt", At(Instant(random, resumed, 24 * 5)))]));
                last = resumed;
            }
            if (random.Next(4) > 0)
            {
                var completed = Instant(random, last, 24 * 10);
                if (completed < TrackerApp.DefaultNow) events.Add(Event("resolved", code, At(completed)));
            }
        }
        foreach (var body in events) await PostOkAsync(body);
    }

    /// <summary>
    /// Dossiers whose phase at now ends in the next minutes (events may be dated up to five minutes ahead): completed,
    /// paused or received after now, or resumed with a new due time after a pause that began before.
    /// </summary>
    private async Task PostEventsAheadOfNowAsync()
    {
        var now = TrackerApp.DefaultNow;
        await PostOkAsync(Received("AHEAD-resolved", At(now.AddDays(-9)), dueAt: At(now.AddDays(-4))));
        await PostOkAsync(Event("resolved", "AHEAD-resolved", At(now.AddMinutes(3))));
        await PostOkAsync(Received("AHEAD-paused", At(now.AddDays(-8)), dueAt: At(now.AddDays(-2))));
        await PostOkAsync(Event("paused", "AHEAD-paused", At(now.AddMinutes(2)), fields: [("reason", "supplement")]));
        await PostOkAsync(Received("AHEAD-resumed", At(now.AddDays(-8)), dueAt: At(now.AddDays(-6))));
        await PostOkAsync(Event("paused", "AHEAD-resumed", At(now.AddDays(-7)), fields: [("reason", "supplement")]));
        await PostOkAsync(Event("resumed", "AHEAD-resumed", At(now.AddMinutes(1)), fields: [("dueAt", At(now.AddDays(-1)))]));
        await PostOkAsync(Received("AHEAD-received", At(now.AddMinutes(4)), dueAt: At(now.AddDays(2))));
    }

    private async Task<JsonObject> ListAsync(string query)
    {
        var response = await GetAsync($"/api/dossiers/late?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<JsonNode> Items(JsonObject page) => page["items"]!.AsArray().Select(i => i!).ToList();

    private static string Code(JsonNode item) => item["dossierCode"]!.GetValue<string>();

    private static IEnumerable<JsonNode> ContractOrder(IEnumerable<JsonNode> items, string sort) => sort switch
    {
        "dueAt" => items.OrderBy(i => i["dueAt"]!.GetValue<DateTimeOffset>()).ThenBy(Code, StringComparer.Ordinal),
        "receivedAt" => items.OrderBy(i => i["receivedAt"]!.GetValue<DateTimeOffset>()).ThenBy(Code, StringComparer.Ordinal),
        _ => items.OrderByDescending(i => i["overdueWorkingHours"]!.GetValue<double>())
            .ThenBy(i => i["dueAt"]!.GetValue<DateTimeOffset>()).ThenBy(Code, StringComparer.Ordinal),
    };

    [Theory]
    [InlineData(17)]
    [InlineData(2026)]
    [InlineData(90210)]
    public async Task every_page_is_the_slice_of_the_whole_list_sorted_in_the_contracts_order(int seed)
    {
        await PostRandomHistoriesAsync(seed);
        var random = new Random(seed);
        string[] instants = ["", "&at=2026-02-02T00:00:00%2B07:00", "&at=2026-02-07T12:30:00%2B07:00", "&at=2026-01-20T17:30:00%2B07:00"];

        foreach (var state in new[] { "open", "all", "completed" })
        foreach (var sort in new[] { "overdue", "dueAt", "receivedAt" })
        foreach (var at in state == "completed" ? [""] : instants)
        {
            var query = $"state={state}&sort={sort}{at}";
            var whole = await ListAsync($"{query}&pageSize=500");
            var expected = Items(whole).Select(Code).ToList();
            whole["total"]!.GetValue<int>().ShouldBe(expected.Count, query);
            ContractOrder(Items(whole), sort).Select(Code).ShouldBe(expected, query);

            var pageSize = random.Next(1, 8);
            var paged = new List<string>();
            for (var page = 1; (page - 1) * pageSize < expected.Count; page++)
            {
                var body = await ListAsync($"{query}&pageSize={pageSize}&page={page}");
                body["total"]!.GetValue<int>().ShouldBe(expected.Count, query);
                paged.AddRange(Items(body).Select(Code));
            }
            paged.ShouldBe(expected, $"{query}&pageSize={pageSize}");
        }
    }

    /// <summary>
    /// "Open now" reads the running phases by due time and the phases ended since now, not the phases containing now
    /// (which every open dossier has): the lists now must be those read from history at the same instant, as they are
    /// once that instant is days old. Events dated minutes ahead of now put dossiers in phases that end after it.
    /// </summary>
    [Theory]
    [InlineData(17)]
    [InlineData(2026)]
    public async Task the_lists_open_now_are_those_read_from_history_at_that_instant(int seed)
    {
        await PostRandomHistoriesAsync(seed);
        await PostEventsAheadOfNowAsync();
        var queries = new[] { "overdue", "dueAt", "receivedAt" }.SelectMany(sort => new[] { $"state=open&sort={sort}", $"state=all&sort={sort}" }).ToList();
        var now = new List<JsonObject>();
        foreach (var query in queries) now.Add(await ListAsync($"{query}&pageSize=500"));
        var open = Items(now[0]).Select(Code).ToList();
        open.ShouldContain("AHEAD-resolved");
        open.ShouldContain("AHEAD-paused");
        open.ShouldNotContain("AHEAD-resumed");
        open.ShouldNotContain("AHEAD-received");

        var instant = Uri.EscapeDataString(At(TrackerApp.DefaultNow));
        App.Clock.Advance(TimeSpan.FromDays(3));
        for (var i = 0; i < queries.Count; i++)
        {
            var fromHistory = await ListAsync($"{queries[i]}&pageSize=500&at={instant}");
            Items(now[i]).Select(Code).ShouldBe(Items(fromHistory).Select(Code), queries[i]);
            now[i]["total"]!.GetValue<int>().ShouldBe(fromHistory["total"]!.GetValue<int>(), queries[i]);
        }
    }
}
