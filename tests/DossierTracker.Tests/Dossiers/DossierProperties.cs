using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Ingestion;
using FsCheck.Xunit;

namespace DossierTracker.Tests.Dossiers;

/// <summary>
/// Invariants of every history the decider lets through: each property looks at every accepted step of a random
/// history, so it also says that the decider never accepts an event that would break it.
/// </summary>
[Properties(Arbitrary = [typeof(DossierArbitraries)], MaxTest = 300)]
public sealed class DossierProperties
{
    [Property]
    public bool a_closed_dossier_stays_closed(PlayedHistory history) =>
        history.Accepted.All(s => !s.Before.IsClosed || s.After.IsClosed);

    [Property]
    public bool a_closed_dossier_takes_nothing_but_a_return_after_its_resolution(PlayedHistory history) =>
        history.Accepted.Where(s => s.Before.IsClosed)
            .All(s => s.Before.Status == DossierStatus.Resolved && s.Decision.Event is DossierReturned && s.After.Status == DossierStatus.Returned);

    [Property]
    public bool completion_and_close_times_never_change_once_set(PlayedHistory history) =>
        history.Accepted.All(s =>
            (s.Before.CompletedAt is null || s.After.CompletedAt == s.Before.CompletedAt) &&
            (s.Before.ClosedAt is null || s.After.ClosedAt == s.Before.ClosedAt));

    [Property]
    public bool an_open_dossier_is_received_processing_or_paused(PlayedHistory history) =>
        history.States.Where(d => !d.IsClosed)
            .All(d => d.Status is DossierStatus.Received or DossierStatus.Processing or DossierStatus.Paused);

    [Property]
    public bool phases_start_at_reception_and_never_go_back_in_time(PlayedHistory history) =>
        history.States.All(d => d.Phases[0].From == d.ReceivedAt && d.Phases.Zip(d.Phases.Skip(1)).All(p => p.First.From <= p.Second.From));

    [Property]
    public bool an_open_dossier_is_paused_exactly_when_its_last_phase_is_a_pause(PlayedHistory history) =>
        history.States.Where(d => !d.IsClosed).All(d => d.IsPaused == d.Phases[^1].IsPaused);

    [Property]
    public bool the_due_time_in_force_is_that_of_the_last_phase(PlayedHistory history) =>
        history.States.All(d => d.DueAt == d.Phases[^1].DueAt);

    [Property]
    public bool only_a_resume_moves_the_due_time(PlayedHistory history) =>
        history.Accepted.Where(s => s.Decision.Event is not DossierResumed).All(s => s.After.DueAt == s.Before.DueAt);

    [Property]
    public bool a_resume_without_a_due_time_moves_it_later_by_exactly_the_working_time_paused(PlayedHistory history) =>
        history.Accepted.Where(s => s.Submission is ResumedSubmission { DueAt: null }).All(s =>
        {
            var paused = s.Before.PausedSince is { } since ? Province.Calendar.WorkingTimeBetween(since, s.Submission.OccurredAt) : TimeSpan.Zero;
            return s.After.DueAt >= s.Before.DueAt && Province.Calendar.WorkingTimeBetween(s.Before.DueAt, s.After.DueAt) == paused;
        });

    [Property]
    public bool a_resume_with_a_due_time_takes_it(PlayedHistory history) =>
        history.Accepted.Where(s => s.Submission is ResumedSubmission { DueAt: not null })
            .All(s => s.After.DueAt == ((ResumedSubmission)s.Submission).DueAt);

    [Property]
    public bool the_due_time_is_never_before_reception(PlayedHistory history) =>
        history.States.All(d => d.DueAt >= d.ReceivedAt);

    [Property]
    public bool what_reception_set_never_changes(PlayedHistory history) =>
        history.States.All(d => (d.Code, d.UnitCode, d.ProcedureCode, d.Channel, d.ReceivedAt, d.OriginalDueAt) ==
            (history.Received.Code, history.Received.UnitCode, history.Received.ProcedureCode, history.Received.Channel,
                history.Received.ReceivedAt, history.Received.OriginalDueAt));

    [Property]
    public bool every_stored_event_happens_at_or_after_reception(PlayedHistory history) =>
        history.StoredEvents.All(e => e.OccurredAt >= history.Reception.OccurredAt);

    [Property]
    public bool the_tracker_marks_each_due_time_late_at_most_once(PlayedHistory history) =>
        history.StoredEvents.OfType<DossierMarkedLate>().Where(e => e.Source == EventSources.Tracker)
            .GroupBy(e => e.OccurredAt).All(g => g.Count() == 1);

    [Property]
    public bool the_tracker_marks_late_only_a_running_dossier_past_the_due_time_in_force(PlayedHistory history) =>
        history.Accepted.Where(s => s.Submission is TrackerLateSubmission)
            .All(s => s.Before.IsOverdueAt(s.Context.Now) && s.Decision.Event!.OccurredAt == s.Before.DueAt);

    [Property]
    public bool the_version_counts_the_stored_events(PlayedHistory history) =>
        history.Final.Version == history.StoredEvents.Count;

    [Property]
    public bool folding_the_stored_events_gives_the_state_built_step_by_step(PlayedHistory history) =>
        SameState(Dossier.Fold(DossierArbitraries.Code, history.StoredEvents), history.Final);

    [Property]
    public bool folding_the_same_events_twice_gives_equal_states(PlayedHistory history) =>
        SameState(Dossier.Fold(DossierArbitraries.Code, history.StoredEvents), Dossier.Fold(DossierArbitraries.Code, history.StoredEvents));

    [Property]
    public bool deciding_the_same_submissions_again_stores_the_same_events(PlayedHistory history) =>
        DossierArbitraries.Play(history.Reception, history.Attempts).StoredEvents.SequenceEqual(history.StoredEvents);

    // The record's generated equality compares lists by reference, so the phases and requests are compared item by item.
    private static bool SameState(Dossier left, Dossier right) =>
        left with { Phases = right.Phases, SupplementRequestedAt = right.SupplementRequestedAt } == right
        && left.Phases.SequenceEqual(right.Phases)
        && left.SupplementRequestedAt.SequenceEqual(right.SupplementRequestedAt);
}
