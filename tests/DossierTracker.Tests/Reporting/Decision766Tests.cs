using DossierTracker.Dossiers;
using DossierTracker.Reporting;
using DossierTracker.Tests.Calendar;
using DossierTracker.Tests.Dossiers;

namespace DossierTracker.Tests.Reporting;

/// <summary>
/// Decision 766 indicator 2.1 as contract version 2 states it, bullet by bullet and at each boundary. Every dossier is
/// received Monday 2024-03-11 08:00, due Thursday 2024-03-14 08:00; the period ends where each test says.
/// </summary>
public sealed class Decision766Tests
{
    private const string Due = "2024-03-14 08:00";
    private static readonly DateTimeOffset EndOfMarch = Local.Time("2024-04-01 00:00");

    private static Dossier Dossier(params IDossierEvent[] events) => Events.Fold([Events.Received(dueAt: Due), .. events]);

    private static bool OnTime(Dossier dossier, string? periodEnd = null) =>
        Decision766.IsOnTime(dossier, periodEnd is null ? EndOfMarch : Local.Time(periodEnd));

    // Completed in the period.

    [Fact]
    public void resolved_at_the_due_time_itself_is_on_time() =>
        OnTime(Dossier(Events.Resolved(Due))).ShouldBeTrue();

    [Fact]
    public void resolved_a_minute_after_the_due_time_is_not() =>
        OnTime(Dossier(Events.Resolved("2024-03-14 08:01"))).ShouldBeFalse();

    [Fact]
    public void resolved_on_the_due_date_but_after_the_due_time_is_not_although_form_06_calls_it_on_time() =>
        OnTime(Dossier(Events.Resolved("2024-03-14 16:00"))).ShouldBeFalse();

    [Fact]
    public void a_return_after_the_due_time_does_not_undo_a_resolution_within_it() =>
        OnTime(Dossier(Events.Resolved("2024-03-13 10:00"), Events.Returned("2024-03-20 10:00"))).ShouldBeTrue();

    [Fact]
    public void returned_without_resolution_is_judged_by_the_return() =>
        OnTime(Dossier(Events.Returned("2024-03-14 08:30"))).ShouldBeFalse();

    [Fact]
    public void a_resume_at_the_very_instant_of_completion_sets_the_due_time_it_is_judged_by() =>
        OnTime(Dossier(
            Events.Paused("2024-03-13 08:00"),
            Events.Resumed("2024-03-15 10:00", dueAt: "2024-03-18 08:00"),
            Events.Resolved("2024-03-15 10:00"))).ShouldBeTrue();

    [Fact]
    public void resolved_while_paused_gets_no_credit_for_the_unfinished_pause() =>
        OnTime(Dossier(Events.Paused("2024-03-13 08:00", PauseReason.Payment), Events.Resolved("2024-03-14 09:00"))).ShouldBeFalse();

    // Withdrawn or stopped in the period: counted since version 2.

    [Theory]
    [InlineData("2024-03-14 08:00", true)]
    [InlineData("2024-03-14 08:01", false)]
    public void withdrawn_is_judged_by_the_withdrawal(string withdrawnAt, bool onTime) =>
        OnTime(Dossier(Events.Withdrawn(withdrawnAt))).ShouldBe(onTime);

    [Theory]
    [InlineData("2024-03-12 15:00", true)]
    [InlineData("2024-03-15 08:00", false)]
    public void stopped_is_judged_by_the_stop(string stoppedAt, bool onTime) =>
        OnTime(Dossier(Events.Stopped(stoppedAt))).ShouldBe(onTime);

    // Open and running at the end of the period.

    [Fact]
    public void open_with_the_due_time_at_the_end_itself_is_on_time() =>
        OnTime(Dossier(Events.HandedOver("2024-03-11 09:00")), periodEnd: Due).ShouldBeTrue();

    [Fact]
    public void open_with_the_due_time_a_minute_before_the_end_is_not() =>
        OnTime(Dossier(Events.HandedOver("2024-03-11 09:00")), periodEnd: "2024-03-14 08:01").ShouldBeFalse();

    [Fact]
    public void completion_after_the_end_leaves_the_dossier_open_at_the_end() =>
        OnTime(Dossier(Events.Resolved("2024-03-20 10:00")), periodEnd: "2024-03-13 00:00").ShouldBeTrue();

    [Fact]
    public void an_event_at_the_end_itself_belongs_to_the_next_period()
    {
        // Paused before its due time; resolved late at the very end: at the end the pause is still in force.
        var dossier = Dossier(Events.Paused("2024-03-13 08:00"), Events.Resolved("2024-03-15 08:00"));

        (OnTime(dossier, periodEnd: "2024-03-15 08:00"), OnTime(dossier, periodEnd: "2024-03-15 08:01")).ShouldBe((true, false));
    }

    [Fact]
    public void a_resume_at_the_end_itself_does_not_count_yet()
    {
        // Paused after its due time; resumed with a generous new due time exactly at the end.
        var dossier = Dossier(Events.Paused("2024-03-15 08:00", PauseReason.Payment), Events.Resumed("2024-03-20 08:00", dueAt: "2024-03-25 08:00"));

        (OnTime(dossier, periodEnd: "2024-03-20 08:00"), OnTime(dossier, periodEnd: "2024-03-20 08:01")).ShouldBe((false, true));
    }

    [Fact]
    public void a_resume_moves_the_due_time_an_open_dossier_is_judged_by() =>
        OnTime(Dossier(Events.Paused("2024-03-12 08:00"), Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-16 08:00")), periodEnd: "2024-03-15 00:00")
            .ShouldBeTrue();

    // Paused at the end of the period: the request is the end of processing.

    [Fact]
    public void paused_before_the_due_time_stays_on_time_however_long_the_pause() =>
        OnTime(Dossier(Events.Paused("2024-03-13 08:00"))).ShouldBeTrue();

    [Theory]
    [InlineData("2024-03-14 08:00", true)]
    [InlineData("2024-03-14 08:01", false)]
    public void a_pause_is_judged_by_when_it_began(string pausedAt, bool onTime) =>
        OnTime(Dossier(Events.Paused(pausedAt, PauseReason.Payment))).ShouldBe(onTime);

    [Fact]
    public void a_second_pause_while_paused_does_not_restart_the_pause() =>
        OnTime(Dossier(Events.Paused("2024-03-13 08:00", PauseReason.Payment), Events.Paused("2024-03-15 08:00", PauseReason.Other))).ShouldBeTrue();

    [Fact]
    public void the_pause_in_force_is_the_latest_run_not_an_earlier_one() =>
        OnTime(Dossier(
            Events.Paused("2024-03-12 08:00", PauseReason.Payment),
            Events.Resumed("2024-03-12 10:00", dueAt: "2024-03-13 08:00"),
            Events.Paused("2024-03-13 09:00", PauseReason.Payment))).ShouldBeFalse();

    [Fact]
    public void a_pause_is_compared_with_the_due_time_in_force_when_it_began_not_the_original_one() =>
        OnTime(Dossier(
            Events.Paused("2024-03-12 08:00"),
            Events.Resumed("2024-03-15 08:00", dueAt: "2024-03-18 08:00"),
            Events.Paused("2024-03-17 08:00", PauseReason.Payment))).ShouldBeTrue();

    [Fact]
    public void a_pause_that_began_at_the_instant_of_a_resume_uses_the_resumed_due_time() =>
        OnTime(Dossier(
            Events.Paused("2024-03-12 08:00", PauseReason.Payment),
            Events.Resumed("2024-03-15 08:00", dueAt: "2024-03-18 08:00"),
            Events.Paused("2024-03-15 08:00", PauseReason.Payment))).ShouldBeTrue();

    // One supplement request is allowed; the second makes the dossier never on time.

    [Fact]
    public void one_supplement_request_is_allowed() =>
        OnTime(Dossier(Events.Paused("2024-03-12 08:00"), Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-16 08:00"), Events.Resolved("2024-03-15 08:00")))
            .ShouldBeTrue();

    [Fact]
    public void two_supplement_requests_make_even_a_dossier_resolved_within_due_late() =>
        OnTime(Dossier(
            Events.Paused("2024-03-11 09:00"), Events.Resumed("2024-03-11 10:00", dueAt: "2024-03-14 10:00"),
            Events.Paused("2024-03-11 11:00"), Events.Resumed("2024-03-11 12:00", dueAt: "2024-03-14 12:00"),
            Events.Resolved("2024-03-12 08:00"))).ShouldBeFalse();

    [Fact]
    public void two_supplement_requests_within_one_pause_count_as_two() =>
        OnTime(Dossier(Events.Paused("2024-03-12 08:00"), Events.Paused("2024-03-12 09:00"))).ShouldBeFalse();

    [Fact]
    public void pauses_for_payment_are_not_supplement_requests() =>
        OnTime(Dossier(
            Events.Paused("2024-03-12 08:00", PauseReason.Payment), Events.Resumed("2024-03-12 09:00", dueAt: Due),
            Events.Paused("2024-03-12 10:00", PauseReason.Payment))).ShouldBeTrue();

    [Fact]
    public void a_second_request_after_the_end_does_not_count_in_the_period()
    {
        var dossier = Dossier(Events.Paused("2024-03-12 08:00"), Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-20 08:00"), Events.Paused("2024-03-18 08:00"));

        (OnTime(dossier, periodEnd: "2024-03-18 08:00"), OnTime(dossier, periodEnd: "2024-03-18 08:01")).ShouldBe((true, false));
    }

    [Fact]
    public void requests_before_the_period_count_in_every_later_period()
    {
        // Both requests in February; resolved within its due time in March.
        var dossier = Events.Fold(
            Events.Received("2024-02-20 08:00", dueAt: "2024-03-05 08:00"),
            Events.Paused("2024-02-21 08:00"), Events.Resumed("2024-02-22 08:00", dueAt: "2024-03-06 08:00"),
            Events.Paused("2024-02-26 08:00"), Events.Resumed("2024-02-27 08:00", dueAt: "2024-03-07 08:00"),
            Events.Resolved("2024-03-04 08:00"));

        OnTime(dossier).ShouldBeFalse();
    }

    // The dossier view judges a dossier as of now.

    [Fact]
    public void as_of_now_a_closed_dossier_is_judged_at_its_close() =>
        Decision766.IsOnTimeAsOf(Dossier(Events.Withdrawn("2024-03-13 08:00")), Local.Time("2024-06-01 00:00")).ShouldBeTrue();

    [Theory]
    [InlineData("2024-03-14 08:00", true)]
    [InlineData("2024-03-14 08:01", false)]
    public void as_of_now_an_open_dossier_is_judged_now(string now, bool onTime) =>
        Decision766.IsOnTimeAsOf(Dossier(Events.HandedOver("2024-03-11 09:00")), Local.Time(now)).ShouldBe(onTime);

    [Fact]
    public void as_of_now_a_dossier_received_a_moment_ahead_of_the_clock_is_judged_at_its_receipt() =>
        Decision766.IsOnTimeAsOf(Dossier(), Local.Time("2024-03-11 07:58")).ShouldBeTrue();
}
