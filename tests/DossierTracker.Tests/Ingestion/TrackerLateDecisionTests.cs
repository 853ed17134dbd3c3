using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;
using static DossierTracker.Tests.Ingestion.Scenario;

namespace DossierTracker.Tests.Ingestion;

/// <summary>The tracker's own <c>late</c>: once per due time, for an open, running dossier whose due time in force has passed.</summary>
public sealed class TrackerLateDecisionTests
{
    private static readonly DateTimeOffset DueAt = Local.Time("2024-03-14 08:00");

    private static Decision Sweep(Dossier dossier, DateTimeOffset dueAt, DateTimeOffset? now = null) =>
        Decide(dossier, Submit.TrackerLate(dueAt), Province.Context(scope: null, now: now));

    [Fact]
    public void the_tracker_late_of_an_open_dossier_past_its_due_time_is_accepted_at_that_due_time() =>
        Sweep(Given(Submit.Received()), DueAt).Event.ShouldBeOfType<DossierMarkedLate>()
            .ShouldSatisfyAllConditions(e => e.OccurredAt.ShouldBe(DueAt), e => e.Source.ShouldBe(EventSources.Tracker));

    [Fact]
    public void the_tracker_late_at_the_due_time_itself_is_refused_as_not_overdue() =>
        Sweep(Given(Submit.Received()), DueAt, now: DueAt).Refusal().ShouldBe(ProblemCodes.NotOverdue);

    [Fact]
    public void the_tracker_late_one_minute_after_the_due_time_is_accepted() =>
        Sweep(Given(Submit.Received()), DueAt, now: DueAt.AddMinutes(1)).IsAccepted.ShouldBeTrue();

    [Fact]
    public void the_tracker_late_of_a_paused_dossier_is_refused_as_not_overdue() =>
        Sweep(Given(Submit.Received(), Submit.Paused("2024-03-13 08:00")), DueAt).Refusal().ShouldBe(ProblemCodes.NotOverdue);

    [Fact]
    public void the_tracker_late_for_a_due_time_no_longer_in_force_is_refused_as_not_overdue() =>
        Sweep(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00"), Submit.Resumed("2024-03-13 08:00")), DueAt)
            .Refusal().ShouldBe(ProblemCodes.NotOverdue);

    [Fact]
    public void the_tracker_late_for_the_due_time_in_force_after_a_resume_is_accepted() =>
        Sweep(Given(Submit.Received(), Submit.Paused("2024-03-12 08:00"), Submit.Resumed("2024-03-13 08:00")), Local.Time("2024-03-15 08:00"))
            .IsAccepted.ShouldBeTrue();

    [Fact]
    public void the_tracker_late_a_second_time_for_the_same_due_time_is_refused_as_not_overdue()
    {
        var marked = Given(Submit.Received()).Apply(Sweep(Given(Submit.Received()), DueAt).Event!);

        Sweep(marked, DueAt).Refusal().ShouldBe(ProblemCodes.NotOverdue);
    }

    [Fact]
    public void the_tracker_late_after_a_late_from_the_sender_is_accepted() =>
        Sweep(Given(Submit.Received(), Submit.Late("2024-03-13 16:00", apologyIssued: true)), DueAt).IsAccepted.ShouldBeTrue();

    [Fact]
    public void the_tracker_late_id_is_the_same_for_every_sweeper_that_sees_the_same_due_time() =>
        Submit.TrackerLate(DueAt).EventId.ShouldBe(Submit.TrackerLate(DueAt.ToUniversalTime()).EventId);

    [Fact]
    public void the_tracker_late_id_differs_for_another_due_time() =>
        Submit.TrackerLate(DueAt).EventId.ShouldNotBe(Submit.TrackerLate(DueAt.AddDays(1)).EventId);
}
