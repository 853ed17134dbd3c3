using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

public sealed class ReportWindowTests
{
    private static readonly ReportPeriod March2026 = ReportPeriod.Month(2026, 3);
    private static DateTimeOffset Local(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void a_period_that_has_ended_counts_up_to_its_own_end() =>
        ReportWindow.Of(March2026, Local(4, 1)).ShouldBe(new ReportWindow(Local(3, 1), Local(4, 1), Provisional: false));

    [Fact]
    public void a_period_still_running_counts_up_to_now_and_is_provisional() =>
        ReportWindow.Of(March2026, Local(3, 10, 10)).ShouldBe(new ReportWindow(Local(3, 1), Local(3, 10, 10), Provisional: true));

    [Fact]
    public void a_period_has_begun_at_its_first_instant() =>
        ReportWindow.Of(March2026, Local(3, 1))!.Provisional.ShouldBeTrue();

    [Fact]
    public void a_period_not_begun_has_no_window() =>
        ReportWindow.Of(March2026, Local(3, 1).AddTicks(-1)).ShouldBeNull();
}
