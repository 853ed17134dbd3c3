using System.Net;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.ReferenceData;

public sealed class ReferenceDataCacheTests(TrackerApp app) : ApiScenario(app)
{
    private ReferenceDataCache Cache => App.Host.Services.GetRequiredService<ReferenceDataCache>();

    [Fact]
    public async Task callers_refreshing_at_once_share_loads_instead_of_queueing_one_each()
    {
        var snapshots = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => Cache.RefreshAsync(CancellationToken.None))));

        // The first caller's load, and at most one more for those that asked while it ran.
        snapshots.Distinct().Count().ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task a_refresh_after_a_change_shows_it_even_right_after_another_refresh()
    {
        await Cache.RefreshAsync(CancellationToken.None);
        (await SendAsync(HttpMethod.Put, "/api/calendar/2100", new { holidays = new[] { "2100-03-03" }, workingDays = Array.Empty<string>() }, AdminKey))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(HttpMethod.Put, "/api/calendar/1990", new { holidays = new[] { "1990-05-02" }, workingDays = Array.Empty<string>() }, AdminKey))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var snapshot = await Cache.RefreshAsync(CancellationToken.None);

        // The first and the last year a correction may name are both read back (they are found by stream, not by type).
        snapshot.CalendarCorrections.Keys.Order().ShouldBe([1990, 2100]);
        snapshot.Calendar.Holidays.For(2100).Source.ShouldBe(CalendarYearSource.Operator);
        snapshot.Calendar.Holidays.For(1990).Source.ShouldBe(CalendarYearSource.Operator);
    }
}
