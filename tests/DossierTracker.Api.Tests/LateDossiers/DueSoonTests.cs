using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.LateDossiers;

public sealed class DueSoonTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00); 8 working hours from now run out on Wednesday at 10:00.
    private async Task PostDossiersAsync()
    {
        await PostOkAsync(Received("DUE-NOW", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T10:00:00+07:00"));
        await PostOkAsync(Received("DUE-3H", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T14:30:00+07:00"));
        await PostOkAsync(Received("DUE-8H", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-11T10:00:00+07:00"));
        await PostOkAsync(Received("DUE-9H", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-11T11:00:00+07:00"));
        await PostOkAsync(Received("OVERDUE", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T09:00:00+07:00"));
        await PostOkAsync(Received("PAUSED", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T15:00:00+07:00"));
        await PostOkAsync(Event("paused", "PAUSED", "2026-03-09T10:00:00+07:00", fields: [("reason", "payment")]));
    }

    private async Task<JsonObject> DueSoonAsync(string query = "")
    {
        var response = await GetAsync($"/api/dossiers/due-soon?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task lists_running_dossiers_with_at_most_eight_working_hours_left_least_remaining_first()
    {
        await PostDossiersAsync();

        var items = (await DueSoonAsync())["items"]!.AsArray().Select(i => i!.AsObject()).ToList();

        items.Select(i => i["dossierCode"]!.GetValue<string>()).ShouldBe(new[] { "DUE-NOW", "DUE-3H", "DUE-8H" });
        items.Select(i => i["remainingWorkingHours"]!.GetValue<double>()).ShouldBe(new[] { 0, 2.5, 8 });
    }

    [Fact]
    public async Task within_hours_widens_the_window()
    {
        await PostDossiersAsync();

        (await DueSoonAsync("withinHours=9"))["total"]!.GetValue<int>().ShouldBe(4);
        (await DueSoonAsync("withinHours=1"))["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [InlineData("withinHours=0")]
    [InlineData("withinHours=-3")]
    [InlineData("withinHours=lots")]
    public async Task bad_within_hours_is_400(string query)
    {
        await ProblemOf(await GetAsync($"/api/dossiers/due-soon?{query}"), HttpStatusCode.BadRequest);
    }
}
