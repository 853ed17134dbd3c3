using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

/// <summary>
/// The completed part of the late list is sorted and paged by SQL (on the working hours stored at completion): its
/// pages must follow the list's rule exactly — most late first, then earliest due, then code as .NET orders it.
/// </summary>
public sealed class LateListOrderTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00); Saturday 2026-01-10 is a working day. Late by: L-E 40 h, L-A 24 h;
    // L-D, L-b, L-d 2 h (due Saturday 17:00, completed Monday 09:00); L-C 2 h (due Sunday, same completion). Codes
    // differing only in case test the ordinal tie-break.
    private async Task PostDossiersAsync()
    {
        await CompletedAsync("L-A", "2026-01-05T09:00:00+07:00", due: "2026-01-08T09:00:00+07:00", completed: "2026-01-12T09:00:00+07:00");
        await CompletedAsync("L-d", "2026-01-05T09:00:00+07:00", due: "2026-01-10T17:00:00+07:00", completed: "2026-01-12T09:00:00+07:00");
        await CompletedAsync("L-C", "2026-01-05T09:00:00+07:00", due: "2026-01-11T10:00:00+07:00", completed: "2026-01-12T09:00:00+07:00");
        await CompletedAsync("L-b", "2026-01-05T09:00:00+07:00", due: "2026-01-10T17:00:00+07:00", completed: "2026-01-12T09:00:00+07:00");
        await CompletedAsync("L-E", "2026-01-19T09:00:00+07:00", due: "2026-01-20T09:00:00+07:00", completed: "2026-01-27T09:00:00+07:00");
        await CompletedAsync("L-D", "2026-01-05T09:00:00+07:00", due: "2026-01-10T17:00:00+07:00", completed: "2026-01-12T09:00:00+07:00");
        await CompletedAsync("ON-TIME", "2026-01-05T09:00:00+07:00", due: "2026-01-09T17:00:00+07:00", completed: "2026-01-09T16:00:00+07:00");
        await PostOkAsync(Received("OPEN-1", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-09T09:00:00+07:00"));
    }

    private async Task CompletedAsync(string code, string received, string due, string completed)
    {
        await PostOkAsync(Received(code, received, dueAt: due));
        await PostOkAsync(Event("resolved", code, completed));
    }

    private async Task<JsonObject> ListAsync(string query)
    {
        var response = await GetAsync($"/api/dossiers/late?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<string> Codes(JsonObject page) => page["items"]!.AsArray().Select(i => i!["dossierCode"]!.GetValue<string>()).ToList();

    /// <summary>Every page of <paramref name="query"/> at <paramref name="pageSize"/>, joined.</summary>
    private async Task<List<string>> PagedAsync(string query, int pageSize, int expectedTotal)
    {
        var codes = new List<string>();
        for (var page = 1; page <= (expectedTotal + pageSize - 1) / pageSize + 1; page++)
        {
            var body = await ListAsync($"{query}&pageSize={pageSize}&page={page}");
            body["total"]!.GetValue<int>().ShouldBe(expectedTotal);
            codes.AddRange(Codes(body));
        }
        return codes;
    }

    [Fact]
    public async Task completed_late_pages_go_from_most_late_to_least_then_by_due_time_and_code()
    {
        await PostDossiersAsync();

        var first = await ListAsync("state=completed&pageSize=2");
        first["items"]!.AsArray().Select(i => i!["overdueWorkingHours"]!.GetValue<double>()).ShouldBe([40, 24]);
        (await PagedAsync("state=completed", 2, 6)).ShouldBe(["L-E", "L-A", "L-D", "L-b", "L-d", "L-C"]);
    }

    [Theory]
    [InlineData("dueAt", new[] { "L-A", "L-D", "L-b", "L-d", "L-C", "L-E" })]
    [InlineData("receivedAt", new[] { "L-A", "L-C", "L-D", "L-b", "L-d", "L-E" })]
    public async Task completed_late_pages_follow_the_other_sorts_too(string sort, string[] expected)
    {
        await PostDossiersAsync();

        (await PagedAsync($"state=completed&sort={sort}", 4, 6)).ShouldBe(expected);
    }

    [Fact]
    public async Task pages_of_both_states_merge_the_open_dossiers_into_the_completed_order()
    {
        await PostDossiersAsync();

        // OPEN-1 is 9 working hours overdue now (Monday 09:00 → Tuesday 10:00).
        (await PagedAsync("state=all", 3, 7)).ShouldBe(["L-E", "L-A", "OPEN-1", "L-D", "L-b", "L-d", "L-C"]);
    }

    [Fact]
    public async Task a_dossier_open_at_the_instant_and_completed_late_since_is_listed_once_among_both_states()
    {
        await PostDossiersAsync();

        // On Friday 2026-01-09 12:00 L-A (due Thursday 09:00) was open and overdue; it was completed late on Monday.
        var codes = await PagedAsync("state=all&at=2026-01-09T12:00:00%2B07:00", 2, 6);

        codes.ShouldBe(["L-E", "L-A", "L-D", "L-b", "L-d", "L-C"]);
    }
}
