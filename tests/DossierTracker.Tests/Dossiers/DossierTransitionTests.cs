using DossierTracker.Dossiers;
using DossierTracker.Tests.Calendar;

namespace DossierTracker.Tests.Dossiers;

public sealed class DossierTransitionTests
{
    [Theory]
    [InlineData("", DossierStatus.Received)]
    [InlineData("processing", DossierStatus.Processing)]
    [InlineData("paused", DossierStatus.Paused)]
    [InlineData("processing paused", DossierStatus.Paused)]
    [InlineData("paused resumed", DossierStatus.Received)]
    [InlineData("processing paused resumed", DossierStatus.Processing)]
    [InlineData("paused processing", DossierStatus.Paused)]
    [InlineData("paused processing resumed", DossierStatus.Processing)]
    [InlineData("processing paused paused resumed", DossierStatus.Processing)]
    [InlineData("resumed", DossierStatus.Received)]
    [InlineData("processing resumed", DossierStatus.Processing)]
    [InlineData("late", DossierStatus.Received)]
    [InlineData("paused late", DossierStatus.Paused)]
    [InlineData("resolved", DossierStatus.Resolved)]
    [InlineData("paused resolved", DossierStatus.Resolved)]
    [InlineData("resolved returned", DossierStatus.Returned)]
    [InlineData("processing returned", DossierStatus.Returned)]
    [InlineData("withdrawn", DossierStatus.Withdrawn)]
    [InlineData("paused withdrawn", DossierStatus.Withdrawn)]
    [InlineData("processing stopped", DossierStatus.Stopped)]
    public void the_status_follows_the_events(string steps, DossierStatus expected) =>
        Story.Of(steps).Status.ShouldBe(expected);

    [Theory]
    [InlineData("resolved", 0, 0)]
    [InlineData("processing resolved returned", 1, 1)]
    [InlineData("processing returned", 1, 1)]
    [InlineData("paused withdrawn", null, 1)]
    [InlineData("stopped", null, 0)]
    [InlineData("processing paused resumed", null, null)]
    public void completion_and_close_are_the_first_closing_events_time(string steps, int? completedAtStep, int? closedAtStep)
    {
        var dossier = Story.Of(steps);

        (dossier.CompletedAt, dossier.ClosedAt).ShouldBe((StepTime(completedAtStep), StepTime(closedAtStep)));
    }

    [Fact]
    public void received_starts_with_one_running_phase_under_the_received_due_time()
    {
        var dossier = Events.Fold(Events.Received(at: "2024-03-11 08:00", dueAt: "2024-03-14 08:00"));

        dossier.Phases.ShouldBe([new DossierPhase(Local.Time("2024-03-11 08:00"), Local.Time("2024-03-14 08:00"), null)]);
    }

    [Fact]
    public void a_pause_opens_a_paused_phase_under_the_same_due_time() =>
        Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00", PauseReason.Payment)).Phases[^1]
            .ShouldBe(new DossierPhase(Local.Time("2024-03-12 08:00"), Local.Time("2024-03-14 08:00"), PauseReason.Payment));

    [Fact]
    public void a_second_pause_while_paused_keeps_the_first_pause_start() =>
        Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00"), Events.Paused("2024-03-12 09:00")).PausedSince
            .ShouldBe(Local.Time("2024-03-12 08:00"));

    [Fact]
    public void a_resume_opens_a_running_phase_under_its_due_time() =>
        Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00"), Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-15 08:00")).Phases[^1]
            .ShouldBe(new DossierPhase(Local.Time("2024-03-13 08:00"), Local.Time("2024-03-15 08:00"), null));

    [Fact]
    public void a_resume_sets_the_due_time_in_force_and_when_it_was_learned()
    {
        var dossier = Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00"),
            Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-15 08:00", recordedAt: "2024-03-13 08:01"));

        (dossier.DueAt, dossier.DueLearnedAt, dossier.OriginalDueAt)
            .ShouldBe((Local.Time("2024-03-15 08:00"), Local.Time("2024-03-13 08:01"), Local.Time("2024-03-14 08:00")));
    }

    [Fact]
    public void a_pause_reported_before_the_last_phase_began_starts_where_that_phase_began() =>
        Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00"), Events.Resumed("2024-03-13 08:00", dueAt: "2024-03-15 08:00"),
                Events.Paused("2024-03-12 15:00")).Phases[^1].From
            .ShouldBe(Local.Time("2024-03-13 08:00"));

    [Fact]
    public void a_hand_over_while_paused_is_taken_up_when_the_dossier_resumes()
    {
        var handedOver = Events.Fold(Events.Received(), Events.Paused("2024-03-12 08:00"), Events.HandedOver("2024-03-12 09:00", unit: "HB", handler: "can-bo-7"));

        (handedOver.Status, handedOver.StatusBeforePause, handedOver.HandlingUnitCode, handedOver.Handler)
            .ShouldBe((DossierStatus.Paused, DossierStatus.Processing, "HB", "can-bo-7"));
    }

    [Fact]
    public void a_hand_over_without_a_unit_or_handler_keeps_the_current_ones() =>
        Events.Fold(Events.Received(), Events.HandedOver("2024-03-12 08:00", unit: "HB", handler: "can-bo-7"), Events.HandedOver("2024-03-12 09:00"))
            .ShouldSatisfyAllConditions(d => d.HandlingUnitCode.ShouldBe("HB"), d => d.Handler.ShouldBe("can-bo-7"));

    [Fact]
    public void the_tracker_late_records_the_due_time_it_was_late_for() =>
        Events.Fold(Events.Received(), Events.LateFromTracker("2024-03-14 08:00")).TrackerLateFor.ShouldBe(Local.Time("2024-03-14 08:00"));

    [Fact]
    public void a_late_from_the_sender_is_not_the_tracker_late() =>
        Events.Fold(Events.Received(), Events.LateFromSender("2024-03-14 09:00", apologyIssued: true)).TrackerLateFor.ShouldBeNull();

    [Fact]
    public void a_late_from_the_sender_with_an_apology_records_the_apology() =>
        Events.Fold(Events.Received(), Events.LateFromSender("2024-03-13 08:00", apologyIssued: true, newAppointmentAt: "2024-03-19 08:00")).Apology
            .ShouldBe(new Apology(true, Local.Time("2024-03-19 08:00"), "quá tải", Local.Time("2024-03-13 08:00")));

    [Fact]
    public void a_late_from_the_sender_without_an_apology_keeps_the_earlier_apology()
    {
        var apologised = Events.Fold(Events.Received(), Events.LateFromSender("2024-03-13 08:00", apologyIssued: true));

        apologised.Apply(Events.LateFromSender("2024-03-14 09:00")).Apology.ShouldBe(apologised.Apology);
    }

    [Fact]
    public void a_new_appointment_never_moves_the_due_time() =>
        Events.Fold(Events.Received(), Events.LateFromSender("2024-03-13 08:00", newAppointmentAt: "2024-03-19 08:00")).DueAt
            .ShouldBe(Local.Time("2024-03-14 08:00"));

    [Fact]
    public void every_event_adds_one_to_the_version() =>
        Story.Of("processing paused paused resumed late resolved returned").Version.ShouldBe(8);

    [Fact]
    public void a_second_received_cannot_be_applied() =>
        Should.Throw<InvalidOperationException>(() => Events.Fold(Events.Received(), Events.Received(at: "2024-03-12 08:00")));

    [Fact]
    public void a_dossier_cannot_be_folded_from_no_events() =>
        Should.Throw<ArgumentException>(() => Dossier.Fold(Events.Code, []));

    private static DateTimeOffset? StepTime(int? step) => step is { } index ? Story.TimeOfStep(index) : null;
}
