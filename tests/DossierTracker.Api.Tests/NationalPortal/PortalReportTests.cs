using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.NationalPortal;

/// <summary>Form 06 for August 2022 over dossiers that arrived only through DongBoHoSoMC.</summary>
public sealed class PortalReportTests(TrackerApp app) : PortalScenario(app)
{
    private async Task SyncAugustAsync()
    {
        var answer = await SyncAsync(
            Snapshot("P1", 10, "20220801091500", "20220804091500", finishedAt: "20220803160000", returnedAt: "20220804083000"),  // early
            Snapshot("P2", 9, "20220802090000", "20220805090000", finishedAt: "20220808100000", channel: "1"),                 // late, direct
            Snapshot("P3", 7, "20220803090000", "20220808090000", finishedAt: "20220804090000", channel: "3"),                 // withdrawn, postal
            Snapshot("P4", 4, "20220829090000", "20220901090000"),                                                            // in progress, on time
            Snapshot("P5", 5, "20220810090000", "20220815090000", supplements: [Round("20220811090000", previousDueAt: "20220815090000")]),  // paused: on time
            Snapshot("P6", 2, "20220815090000", "20220818090000"),                                                            // overdue at month end
            Snapshot("P7", 1, ""),                                                                                             // not received
            Snapshot("P8", 3, "20220816090000", ""));                                                                          // refused at reception
        answer["error_code"]!.GetValue<string>().ShouldBe("0", answer.ToJsonString());
    }

    [Theory]
    [InlineData("receivedOnline", 4)]        // P1 P4 P5 P6
    [InlineData("receivedDirect", 2)]        // P2 direct, P3 postal
    [InlineData("received", 6)]              // P7 and P8 are not counted
    [InlineData("resolvedEarly", 1)]         // P1
    [InlineData("resolvedLate", 1)]          // P2
    [InlineData("resolved", 2)]
    [InlineData("inProgressOnTime", 2)]      // P4, P5 paused
    [InlineData("inProgressOverdue", 1)]     // P6
    [InlineData("withdrawnOrStopped", 1)]    // P3
    public async Task august_figures_follow_the_snapshots(string figure, int value)
    {
        await SyncAugustAsync();

        (await ReportRowAsync("2022-08", TestProvince.Justice))[figure]!.GetValue<int>().ShouldBe(value, figure);
    }

    [Fact]
    public async Task repeating_the_whole_feed_leaves_the_figures_unchanged()
    {
        await SyncAugustAsync();
        var before = (await ReportRowAsync("2022-08", TestProvince.Justice)).ToJsonString();

        await SyncAugustAsync();

        (await ReportRowAsync("2022-08", TestProvince.Justice)).ToJsonString().ShouldBe(before);
    }

    [Fact]
    public async Task on_time_rate_counts_the_resolved_snapshots()
    {
        await SyncAugustAsync();

        (await ReportRowAsync("2022-08", TestProvince.Justice))["onTimeRate"]!.GetValue<double>().ShouldBe(0.5);
    }
}
