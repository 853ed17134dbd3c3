using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;
using static DossierTracker.Tests.Ingestion.Scenario;

namespace DossierTracker.Tests.Ingestion;

/// <summary>Every submission after <c>received</c>, on an open dossier received Monday 2024-03-11 08:00, due Thursday 08:00.</summary>
public sealed class LifecycleDecisionTests
{
    private static readonly Dossier Open = Given(Submit.Received());

    public static TheoryData<string> Kinds => Submit.EveryKindAfterReception();

    [Theory, MemberData(nameof(Kinds))]
    public void an_event_on_a_dossier_never_received_is_refused_as_dossier_not_received(string kind) =>
        Decide(null, Submit.AfterReception(kind, "2024-03-12 08:00")).Refusal().ShouldBe(ProblemCodes.DossierNotReceived);

    [Theory, MemberData(nameof(Kinds))]
    public void an_event_on_a_dossier_outside_the_key_scope_is_refused_exactly_as_one_never_received(string kind)
    {
        var outOfScope = Decide(Open, Submit.AfterReception(kind, "2024-03-12 08:00"), Province.Context(scope: "LS")).Rejection;
        var unknown = Decide(null, Submit.AfterReception(kind, "2024-03-12 08:00"), Province.Context(scope: "LS")).Rejection;

        // Issue 13: a key learns nothing of a dossier it may not see, not even that it exists.
        outOfScope.ShouldNotBeNull().Code.ShouldBe(ProblemCodes.DossierNotReceived);
        outOfScope.ShouldBe(unknown);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void an_event_before_the_dossier_was_received_is_refused_as_occurred_before_received(string kind) =>
        Decide(Open, Submit.AfterReception(kind, "2024-03-11 07:59")).Refusal().ShouldBe(ProblemCodes.OccurredBeforeReceived);

    [Theory, MemberData(nameof(Kinds))]
    public void an_event_more_than_five_minutes_ahead_of_the_clock_is_refused_as_future_event_whatever_the_dossier(string kind) =>
        Decide(null, Submit.AfterReception(kind, "2024-03-20 10:06")).Refusal().ShouldBe(ProblemCodes.FutureEvent);

    [Fact]
    public void an_event_at_the_instant_of_reception_is_accepted() =>
        Decide(Open, Submit.Processing(Submit.ReceivedAt)).IsAccepted.ShouldBeTrue();

    [Fact]
    public void the_tracker_acts_on_a_dossier_of_any_unit() =>
        Decide(Open, Submit.Processing("2024-03-12 08:00", unit: "LS-01"), Province.Context(scope: null)).IsAccepted.ShouldBeTrue();

    [Fact]
    public void processing_is_accepted_as_a_hand_over_to_the_unit_and_handler() =>
        Decide(Open, Submit.Processing("2024-03-11 09:00", unit: "HB", handler: "can-bo-7")).Event.ShouldBeOfType<DossierHandedOver>()
            .ShouldSatisfyAllConditions(e => e.UnitCode.ShouldBe("HB"), e => e.Handler.ShouldBe("can-bo-7"));

    [Fact]
    public void processing_to_a_unit_not_in_the_tree_is_refused_as_unknown_unit() =>
        Decide(Open, Submit.Processing("2024-03-11 09:00", unit: "KS-01")).Refusal().ShouldBe(ProblemCodes.UnknownUnit);

    [Fact]
    public void processing_to_a_unit_outside_the_key_scope_is_refused_as_out_of_scope_unit() =>
        Decide(Open, Submit.Processing("2024-03-11 09:00", unit: "SNV"), Province.Context(scope: "HB")).Refusal().ShouldBe(ProblemCodes.OutOfScopeUnit);

    [Fact]
    public void paused_is_accepted_with_its_reason() =>
        Decide(Open, Submit.Paused("2024-03-12 08:00", PauseReason.Payment)).Event.ShouldBeOfType<DossierPaused>().Reason.ShouldBe(PauseReason.Payment);

    [Fact]
    public void paused_while_already_paused_is_accepted() =>
        Decide(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00")), Submit.Paused("2024-03-12 09:00")).IsAccepted.ShouldBeTrue();

    // Paused Tuesday 08:00, resumed Wednesday 08:00: one working day (8 h) paused, so Thursday 08:00 becomes Friday 08:00.
    [Fact]
    public void resumed_without_a_due_time_moves_the_due_time_later_by_the_working_time_paused()
    {
        var paused = Given(Submit.Received(), Submit.Paused("2024-03-12 08:00"));

        var resumed = (DossierResumed)Decide(paused, Submit.Resumed("2024-03-13 08:00")).Event!;

        (resumed.DueAt, resumed.DueAtComputed).ShouldBe((Local.Time("2024-03-15 08:00"), true));
    }

    [Fact]
    public void resumed_without_a_due_time_counts_no_working_time_over_a_weekend_pause()
    {
        var paused = Given(Submit.Received(), Submit.Paused("2024-03-15 17:00"));

        var resumed = (DossierResumed)Decide(paused, Submit.Resumed("2024-03-18 07:00")).Event!;

        resumed.DueAt.ShouldBe(Local.Time("2024-03-14 08:00"));
    }

    [Fact]
    public void resumed_with_a_due_time_takes_the_sent_due_time()
    {
        var paused = Given(Submit.Received(), Submit.Paused("2024-03-12 08:00"));

        var resumed = (DossierResumed)Decide(paused, Submit.Resumed("2024-03-13 08:00", dueAt: "2024-03-18 17:00")).Event!;

        (resumed.DueAt, resumed.DueAtComputed).ShouldBe((Local.Time("2024-03-18 17:00"), false));
    }

    [Fact]
    public void resumed_with_a_due_time_before_the_reception_is_refused_as_due_before_received() =>
        Decide(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00")), Submit.Resumed("2024-03-13 08:00", dueAt: "2024-03-11 07:59"))
            .Refusal().ShouldBe(ProblemCodes.DueBeforeReceived);

    [Fact]
    public void resumed_without_a_pause_is_accepted_and_keeps_the_due_time() =>
        ((DossierResumed)Decide(Open, Submit.Resumed("2024-03-13 08:00")).Event!).DueAt.ShouldBe(Open.DueAt);

    [Fact]
    public void resumed_reported_before_its_pause_began_keeps_the_due_time() =>
        ((DossierResumed)Decide(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00")), Submit.Resumed("2024-03-11 15:00")).Event!)
            .DueAt.ShouldBe(Open.DueAt);

    [Fact]
    public void late_from_the_sender_is_accepted_with_its_apology() =>
        Decide(Open, Submit.Late("2024-03-13 08:00", apologyIssued: true, newAppointmentAt: "2024-03-19 08:00")).Event.ShouldBeOfType<DossierMarkedLate>()
            .ShouldSatisfyAllConditions(
                e => e.ApologyIssued.ShouldBe(true),
                e => e.NewAppointmentAt.ShouldBe(Local.Time("2024-03-19 08:00")),
                e => e.Source.ShouldBe(EventSources.OneStop));

    [Fact]
    public void resolved_is_accepted_with_its_outcome() =>
        Decide(Open, Submit.Resolved("2024-03-13 08:00", Outcome.Refused)).Event.ShouldBeOfType<DossierResolved>().Outcome.ShouldBe(Outcome.Refused);

    [Fact]
    public void resolved_while_paused_is_accepted() =>
        Decide(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00")), Submit.Resolved("2024-03-13 08:00")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void returned_without_a_resolution_is_accepted() =>
        Decide(Open, Submit.Returned("2024-03-13 08:00")).Event.ShouldBeOfType<DossierReturned>();

    [Fact]
    public void withdrawn_is_accepted_on_an_open_dossier() =>
        Decide(Open, Submit.Withdrawn("2024-03-13 08:00")).Event.ShouldBeOfType<DossierWithdrawn>();

    [Fact]
    public void stopped_is_accepted_on_an_open_dossier() =>
        Decide(Open, Submit.Stopped("2024-03-13 08:00")).Event.ShouldBeOfType<DossierStopped>();
}
