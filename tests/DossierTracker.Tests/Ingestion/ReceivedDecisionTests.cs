using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;
using static DossierTracker.Tests.Ingestion.Scenario;

namespace DossierTracker.Tests.Ingestion;

public sealed class ReceivedDecisionTests
{
    [Fact]
    public void received_for_a_known_unit_and_procedure_is_accepted() =>
        Decide(null, Submit.Received()).Event.ShouldBeOfType<DossierReceived>()
            .ShouldSatisfyAllConditions(
                e => e.UnitCode.ShouldBe("HB-01"),
                e => e.ProcedureCode.ShouldBe(Province.ProcedureInDays),
                e => e.Channel.ShouldBe(Channel.Online),
                e => e.OccurredAt.ShouldBe(Local.Time(Submit.ReceivedAt)));

    [Fact]
    public void received_without_a_due_time_is_due_after_the_procedure_processing_time_in_working_time()
    {
        var received = (DossierReceived)Decide(null, Submit.Received(at: "2024-03-11 08:00")).Event!;

        (received.DueAt, received.DueAtComputed).ShouldBe((Local.Time("2024-03-14 08:00"), true));
    }

    [Fact]
    public void received_with_a_due_time_keeps_the_sent_due_time()
    {
        var received = (DossierReceived)Decide(null, Submit.Received(dueAt: "2024-03-12 16:00")).Event!;

        (received.DueAt, received.DueAtComputed).ShouldBe((Local.Time("2024-03-12 16:00"), false));
    }

    [Fact]
    public void received_due_exactly_when_it_occurred_is_accepted() =>
        Decide(null, Submit.Received(at: "2024-03-11 08:00", dueAt: "2024-03-11 08:00")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void received_with_a_due_time_before_it_occurred_is_refused_as_due_before_received() =>
        Decide(null, Submit.Received(at: "2024-03-11 08:00", dueAt: "2024-03-11 07:59")).Refusal().ShouldBe(ProblemCodes.DueBeforeReceived);

    [Fact]
    public void received_for_a_unit_not_in_the_tree_is_refused_as_unknown_unit() =>
        Decide(null, Submit.Received(unit: "KS-01")).Refusal().ShouldBe(ProblemCodes.UnknownUnit);

    [Fact]
    public void received_for_a_unit_after_its_last_valid_day_is_refused_as_unknown_unit() =>
        Decide(null, Submit.Received(at: "2024-03-01 08:00", unit: "HB-02")).Refusal().ShouldBe(ProblemCodes.UnknownUnit);

    [Fact]
    public void received_for_a_unit_on_its_last_valid_local_day_is_accepted() =>
        Decide(null, Submit.Received(at: "2024-02-29 23:30", unit: "HB-02")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void received_for_a_procedure_not_in_the_catalogue_is_refused_as_unknown_procedure() =>
        Decide(null, Submit.Received(procedure: "9.999999")).Refusal().ShouldBe(ProblemCodes.UnknownProcedure);

    [Fact]
    public void received_for_a_unit_below_the_key_scope_is_accepted() =>
        Decide(null, Submit.Received(unit: "HB-01"), Province.Context(scope: "HB")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void received_for_a_unit_outside_the_key_scope_is_refused_as_out_of_scope_unit() =>
        Decide(null, Submit.Received(unit: "LS-01"), Province.Context(scope: "HB")).Refusal().ShouldBe(ProblemCodes.OutOfScopeUnit);

    [Fact]
    public void received_for_the_unit_above_the_key_scope_is_refused_as_out_of_scope_unit() =>
        Decide(null, Submit.Received(unit: "HB"), Province.Context(scope: "HB-01")).Refusal().ShouldBe(ProblemCodes.OutOfScopeUnit);

    [Fact]
    public void received_again_for_a_known_dossier_is_refused_as_dossier_exists() =>
        Decide(Given(Submit.Received()), Submit.Received(at: "2024-03-11 09:00")).Refusal().ShouldBe(ProblemCodes.DossierExists);

    [Fact]
    public void received_again_for_a_closed_dossier_is_refused_as_dossier_exists() =>
        Decide(Given(Submit.Received(), Submit.Withdrawn("2024-03-11 09:00")), Submit.Received(at: "2024-03-11 10:00"))
            .Refusal().ShouldBe(ProblemCodes.DossierExists);

    // The key may receive for HB-01, but must not learn that the code is taken by a dossier of another district.
    [Fact]
    public void received_again_for_a_dossier_of_a_unit_outside_the_key_scope_is_refused_as_out_of_scope_unit()
    {
        var elsewhere = Given(Submit.Received(unit: "LS-01"));

        Decide(elsewhere, Submit.Received(unit: "HB-01"), Province.Context(scope: "HB")).Refusal().ShouldBe(ProblemCodes.OutOfScopeUnit);
    }

    [Fact]
    public void received_for_an_unknown_unit_is_refused_as_unknown_unit_before_its_procedure_is_looked_at() =>
        Decide(null, Submit.Received(unit: "KS-01", procedure: "9.999999")).Refusal().ShouldBe(ProblemCodes.UnknownUnit);

    [Fact]
    public void received_more_than_five_minutes_ahead_of_the_clock_is_refused_as_future_event() =>
        Decide(null, Submit.Received(at: "2024-03-20 10:06")).Refusal().ShouldBe(ProblemCodes.FutureEvent);

    [Fact]
    public void received_five_minutes_ahead_of_the_clock_is_accepted() =>
        Decide(null, Submit.Received(at: "2024-03-20 10:05")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void an_accepted_event_is_stamped_with_the_context_clock_and_source()
    {
        var context = Province.Context() with { RecordedAt = Province.Now.AddSeconds(30), Source = EventSources.NationalPortal };

        var received = Decide(null, Submit.Received(), context).Event!;

        (received.RecordedAt, received.Source).ShouldBe((context.RecordedAt, EventSources.NationalPortal));
    }
}
