using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.LateDossiers;

/// <summary>The dashboard overview's counts (SQL counts) equal the totals of the lists they link to.</summary>
public sealed class ListCountTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00).
    private async Task PostDossiersAsync()
    {
        await PostOkAsync(Received("OVERDUE-1", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-05T09:00:00+07:00"));
        await PostOkAsync(Received("OVERDUE-2", "2026-03-02T09:00:00+07:00", dueAt: "2026-03-09T09:00:00+07:00", unitCode: TestProvince.CommuneA1));
        await PostOkAsync(Received("OVERDUE-3", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-04T09:00:00+07:00", unitCode: TestProvince.CommuneB1));
        await PostOkAsync(Received("PAUSED", "2026-02-02T09:00:00+07:00", dueAt: "2026-02-05T09:00:00+07:00"));
        await PostOkAsync(Event("paused", "PAUSED", "2026-02-03T09:00:00+07:00", fields: [("reason", "supplement")]));
        await PostOkAsync(Received("DONE-LATE", "2026-01-05T09:00:00+07:00", dueAt: "2026-01-08T09:00:00+07:00"));
        await PostOkAsync(Event("resolved", "DONE-LATE", "2026-01-12T09:00:00+07:00"));
        await PostOkAsync(Received("DUE-NOW", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T10:00:00+07:00"));
        await PostOkAsync(Received("DUE-3H", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-10T14:30:00+07:00", unitCode: TestProvince.CommuneA1));
        await PostOkAsync(Received("DUE-9H", "2026-03-09T09:00:00+07:00", dueAt: "2026-03-11T11:00:00+07:00"));
    }

    private async Task<int> TotalAsync(string path)
    {
        var response = await GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["total"]!.GetValue<int>();
    }

    private async Task<(int Overdue, int DueSoon)> CountsAsync(string unitCode)
    {
        var lists = App.Host.Services.GetRequiredService<DossierLists>();
        var tree = (await App.Host.Services.GetRequiredService<ReferenceDataCache>().GetAsync(CancellationToken.None)).Units;
        var scope = new UnitScope(tree.Find(unitCode)!, tree.ScopeOf(unitCode));
        var unfiltered = new DossierListRequest(null, null, null, null, null, 1, DossierListRequest.DefaultPageSize, ListFormat.Json);
        var now = App.Clock.GetUtcNow();
        return (await lists.CountOverdueAsync(scope, unfiltered, now, CancellationToken.None),
            await lists.CountDueSoonAsync(scope, unfiltered, DossierLists.DefaultWithinHours, now, CancellationToken.None));
    }

    [Theory]
    [InlineData(TestProvince.Province, 3, 2)]
    [InlineData(TestProvince.DistrictA, 1, 1)]
    public async Task the_overdue_and_due_soon_counts_equal_the_lists_totals(string unit, int overdue, int dueSoon)
    {
        await PostDossiersAsync();

        var counts = await CountsAsync(unit);

        counts.ShouldBe((await TotalAsync($"/api/dossiers/late?unit={unit}"), await TotalAsync($"/api/dossiers/due-soon?unit={unit}")));
        counts.ShouldBe((overdue, dueSoon));
    }
}
