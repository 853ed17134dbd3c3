using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

public sealed class ReportFiguresTests
{
    // 10 + 5 + 3 received = 6 resolved + 9 in progress + 3 withdrawn or stopped.
    private static readonly ReportFigures Consistent = ReportFigures.From(Counts.Of(
        receivedOnline: 10, receivedDirect: 5, carriedOver: 3,
        resolvedEarly: 2, resolvedOnTime: 3, resolvedLate: 1, onTime766: 11,
        inProgressOnTime: 7, inProgressOverdue: 2,
        withdrawnOrStopped: 3));

    [Fact]
    public void received_3_is_online_4_plus_direct_5_plus_carried_over_6() =>
        Consistent.Received.ShouldBe(Consistent.ReceivedOnline + Consistent.ReceivedDirect + Consistent.CarriedOver);

    [Fact]
    public void resolved_7_is_early_8_plus_on_time_9_plus_late_10() =>
        Consistent.Resolved.ShouldBe(Consistent.ResolvedEarly + Consistent.ResolvedOnTime + Consistent.ResolvedLate);

    [Fact]
    public void in_progress_11_is_on_time_12_plus_overdue_13() =>
        Consistent.InProgress.ShouldBe(Consistent.InProgressOnTime + Consistent.InProgressOverdue);

    [Fact]
    public void consistent_counts_account_for_every_received_dossier() =>
        Consistent.Received.ShouldBe(Consistent.Resolved + Consistent.InProgress + Consistent.WithdrawnOrStopped);

    [Fact]
    public void on_time_rate_counts_early_and_on_time_among_resolved() =>
        Consistent.OnTimeRate.ShouldBe(5.0 / 6);

    [Fact]
    public void indicator_766_is_on_time_766_over_received() =>
        Consistent.Indicator766.ShouldBe(11.0 / 18);

    [Fact]
    public void points_766_are_twenty_times_the_indicator() =>
        Consistent.Points766.ShouldBe(11.0 / 18 * 20);

    [Fact]
    public void on_time_766_is_exposed_as_counted() =>
        Consistent.OnTime766.ShouldBe(11);

    [Fact]
    public void on_time_rate_is_null_when_nothing_was_resolved() =>
        ReportFigures.From(Counts.Of(receivedOnline: 4, inProgressOnTime: 4)).OnTimeRate.ShouldBeNull();

    [Fact]
    public void indicator_and_points_are_null_when_nothing_was_received()
    {
        var figures = ReportFigures.From(UnitMonthCounts.Zero);

        (figures.Indicator766, figures.Points766).ShouldBe((null, null));
    }

    [Fact]
    public void summing_figures_adds_counts_and_recomputes_rates()
    {
        var few = ReportFigures.From(Counts.Of(receivedOnline: 1, resolvedLate: 1));
        var many = ReportFigures.From(Counts.Of(receivedOnline: 99, resolvedOnTime: 99, onTime766: 99));

        var sum = ReportFigures.Sum([few, many]);

        (sum.Resolved, sum.OnTimeRate, sum.Indicator766).ShouldBe((100, 0.99, 0.99));
    }
}
