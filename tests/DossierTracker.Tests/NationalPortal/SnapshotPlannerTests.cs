using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.NationalPortal;
using static DossierTracker.Tests.NationalPortal.PortalFixture;

namespace DossierTracker.Tests.NationalPortal;

public sealed class SnapshotPlannerTests
{
    private static readonly Dossier Received = Sync(null, Snapshot(PortalStatus.Received))!;

    [Fact]
    public void status_2_on_an_unknown_dossier_receives_it_as_the_snapshot_says()
    {
        var submission = SnapshotPlanner.Plan(Snapshot(PortalStatus.Received), null).Submissions.ShouldHaveSingleItem();

        submission.ShouldBe(new ReceivedSubmission("dvcqg:000.00.01.H99-220801-0001:received:20220801091500", Code,
            Local("2022-08-01T09:15:00"), Unit, Procedure, Channel.Online, Local("2022-08-04T09:15:00")));
    }

    [Fact]
    public void without_NgayHenTra_the_tracker_computes_the_due_time() =>
        SnapshotPlanner.Plan(Snapshot(PortalStatus.Received) with { DueAt = null }, null).Submissions
            .OfType<ReceivedSubmission>().Single().DueAt.ShouldBeNull();

    [Theory]
    [InlineData(PortalStatus.SubmittedOnline)]
    [InlineData(PortalStatus.RefusedAtReception)]
    public void statuses_1_and_3_are_not_counted(PortalStatus status)
    {
        var plan = SnapshotPlanner.Plan(Snapshot(status), null);

        (plan.Outcome, plan.Submissions.Count).ShouldBe((SnapshotOutcome.NotCounted, 0));
    }

    [Fact]
    public void status_4_hands_over_at_the_latest_known_time()
    {
        var submission = SnapshotPlanner.Plan(Snapshot(PortalStatus.Processing), Received).Submissions.ShouldHaveSingleItem();

        submission.ShouldBeOfType<ProcessingSubmission>().OccurredAt.ShouldBe(Local("2022-08-01T09:15:00"));
    }

    [Theory]
    [InlineData(PortalStatus.SupplementRequested, PauseReason.Supplement)]
    [InlineData(PortalStatus.PaymentRequested, PauseReason.Payment)]
    public void statuses_5_and_6_pause_the_clock(PortalStatus status, PauseReason reason) =>
        SnapshotPlanner.Plan(Snapshot(status), Received).Submissions.ShouldHaveSingleItem()
            .ShouldBeOfType<PausedSubmission>().Reason.ShouldBe(reason);

    [Fact]
    public void an_open_supplement_round_pauses_when_it_was_requested_with_what_was_asked()
    {
        var paused = SnapshotPlanner.Plan(Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00", request: "Bổ sung bản sao giấy chứng sinh")), Received)
            .Submissions.ShouldHaveSingleItem().ShouldBeOfType<PausedSubmission>();

        (paused.OccurredAt, paused.Reason, paused.Note).ShouldBe((Local("2022-08-02T14:00:00"), PauseReason.Supplement, "Bổ sung bản sao giấy chứng sinh"));
    }

    [Fact]
    public void a_received_supplement_resumes_with_the_new_appointment()
    {
        var paused = Sync(Received, Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00")));

        var resumed = SnapshotPlanner.Plan(Snapshot(PortalStatus.Processing, supplements: Round("2022-08-02T14:00:00", "2022-08-05T08:00:00", "2022-08-10T08:00:00")), paused)
            .Submissions.OfType<ResumedSubmission>().ShouldHaveSingleItem();

        (resumed.OccurredAt, resumed.DueAt).ShouldBe((Local("2022-08-05T08:00:00"), Local("2022-08-10T08:00:00")));
    }

    [Fact]
    public void after_the_supplement_status_4_hands_over_when_the_papers_came_in()
    {
        var paused = Sync(Received, Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00")));

        var plan = SnapshotPlanner.Plan(Snapshot(PortalStatus.Processing, supplements: Round("2022-08-02T14:00:00", "2022-08-05T08:00:00", "2022-08-10T08:00:00")), paused);

        plan.Submissions.Select(s => (s.Type, s.OccurredAt)).ShouldBe([("resumed", Local("2022-08-05T08:00:00")), ("processing", Local("2022-08-05T08:00:00"))]);
    }

    [Fact]
    public void status_2_after_a_payment_pause_resumes_the_clock()
    {
        var paused = Sync(Received, Snapshot(PortalStatus.PaymentRequested));

        Describe(SnapshotPlanner.Plan(Snapshot(PortalStatus.Received), paused)).ShouldBe("resumed");
    }

    [Fact]
    public void status_7_withdraws_at_NgayKetThucXuLy() =>
        SnapshotPlanner.Plan(Snapshot(PortalStatus.Withdrawn, finishedAt: "2022-08-02T10:00:00"), Received).Submissions.ShouldHaveSingleItem()
            .ShouldBeOfType<WithdrawnSubmission>().OccurredAt.ShouldBe(Local("2022-08-02T10:00:00"));

    [Fact]
    public void status_8_without_a_date_stops_at_the_latest_known_time() =>
        SnapshotPlanner.Plan(Snapshot(PortalStatus.Stopped, supplements: Round("2022-08-02T14:00:00")), Received).Submissions
            .OfType<StoppedSubmission>().Single().OccurredAt.ShouldBe(Local("2022-08-02T14:00:00"));

    [Fact]
    public void status_9_resolves_at_NgayKetThucXuLy() =>
        SnapshotPlanner.Plan(Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"), Received).Submissions.ShouldHaveSingleItem()
            .ShouldBeOfType<ResolvedSubmission>().OccurredAt.ShouldBe(Local("2022-08-03T16:00:00"));

    [Fact]
    public void status_10_resolves_first_then_returns()
    {
        var plan = SnapshotPlanner.Plan(Snapshot(PortalStatus.Returned, "2022-08-03T16:00:00", "2022-08-04T08:30:00"), Received);

        plan.Submissions.Select(s => (s.Type, s.OccurredAt)).ShouldBe([("resolved", Local("2022-08-03T16:00:00")), ("returned", Local("2022-08-04T08:30:00"))]);
    }

    [Fact]
    public void status_10_without_NgayKetThucXuLy_only_returns() =>
        Describe(SnapshotPlanner.Plan(Snapshot(PortalStatus.Returned, returnedAt: "2022-08-04T08:30:00"), Received)).ShouldBe("returned");

    [Fact]
    public void status_10_on_a_resolved_dossier_only_returns()
    {
        var resolved = Sync(Received, Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"));

        Describe(SnapshotPlanner.Plan(Snapshot(PortalStatus.Returned, "2022-08-03T16:00:00", "2022-08-04T08:30:00"), resolved)).ShouldBe("returned");
    }

    [Fact]
    public void a_jump_from_nothing_to_10_gives_the_missing_events_in_order() =>
        Describe(SnapshotPlanner.Plan(Snapshot(PortalStatus.Returned, "2022-08-03T16:00:00", "2022-08-04T08:30:00"), null))
            .ShouldBe("received, resolved, returned");

    [Fact]
    public void a_jump_over_a_finished_supplement_round_keeps_the_original_due_time_and_the_round()
    {
        var snapshot = Snapshot(PortalStatus.Resolved, "2022-08-09T10:00:00", supplements: Round("2022-08-02T14:00:00", "2022-08-05T08:00:00", "2022-08-10T08:00:00"))
            with { DueAt = Local("2022-08-10T08:00:00") };

        var plan = SnapshotPlanner.Plan(snapshot, null);

        Describe(plan).ShouldBe("received, paused, resumed, resolved");
        plan.Submissions.OfType<ReceivedSubmission>().Single().DueAt.ShouldBe(Local("2022-08-04T09:15:00"));
    }

    public static TheoryData<PortalDossier> EveryCountedSnapshot => new()
    {
        Snapshot(PortalStatus.Received),
        Snapshot(PortalStatus.Processing),
        Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00")),
        Snapshot(PortalStatus.PaymentRequested),
        Snapshot(PortalStatus.Processing, supplements: Round("2022-08-02T14:00:00", "2022-08-05T08:00:00", "2022-08-10T08:00:00")),
        Snapshot(PortalStatus.Withdrawn),
        Snapshot(PortalStatus.Stopped, finishedAt: "2022-08-02T10:00:00"),
        Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"),
        Snapshot(PortalStatus.Returned, "2022-08-03T16:00:00", "2022-08-04T08:30:00"),
    };

    [Theory]
    [MemberData(nameof(EveryCountedSnapshot))]
    public void the_same_snapshot_again_adds_nothing(PortalDossier snapshot)
    {
        var synced = Sync(null, snapshot);

        SnapshotPlanner.Plan(snapshot, synced).Outcome.ShouldBe(SnapshotOutcome.NothingNew);
    }

    [Theory]
    [MemberData(nameof(EveryCountedSnapshot))]
    public void a_retry_on_the_same_state_gives_the_same_event_ids(PortalDossier snapshot) =>
        SnapshotPlanner.Plan(snapshot, Received).Submissions.ShouldBe(SnapshotPlanner.Plan(snapshot, Received).Submissions);

    [Fact]
    public void distinct_facts_get_distinct_ids()
    {
        var first = Sync(Received, Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00")));
        var second = Snapshot(PortalStatus.SupplementRequested, supplements:
            [Round("2022-08-02T14:00:00", "2022-08-03T08:00:00"), Round("2022-08-03T15:00:00")]);

        var ids = SnapshotPlanner.Plan(second, first).Submissions.Select(s => s.EventId).ToList();

        ids.ShouldBe(["dvcqg:000.00.01.H99-220801-0001:resumed:20220803080000", "dvcqg:000.00.01.H99-220801-0001:paused-supplement:20220803150000"]);
    }

    [Theory]
    [InlineData(PortalStatus.Received)]
    [InlineData(PortalStatus.Processing)]
    [InlineData(PortalStatus.SupplementRequested)]
    public void an_open_status_after_the_close_is_a_late_snapshot(PortalStatus status)
    {
        var resolved = Sync(Received, Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"));

        SnapshotPlanner.Plan(Snapshot(status), resolved).Outcome.ShouldBe(SnapshotOutcome.Superseded);
    }

    [Fact]
    public void a_different_close_is_submitted_for_the_decider_to_refuse()
    {
        var resolved = Sync(Received, Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"));

        Describe(SnapshotPlanner.Plan(Snapshot(PortalStatus.Withdrawn, finishedAt: "2022-08-04T10:00:00"), resolved)).ShouldBe("withdrawn");
    }

    [Fact]
    public void a_resolved_snapshot_on_a_returned_dossier_adds_nothing()
    {
        var returned = Sync(null, Snapshot(PortalStatus.Returned, "2022-08-03T16:00:00", "2022-08-04T08:30:00"));

        SnapshotPlanner.Plan(Snapshot(PortalStatus.Resolved, finishedAt: "2022-08-03T16:00:00"), returned).Outcome.ShouldBe(SnapshotOutcome.NothingNew);
    }

    [Fact]
    public void a_dossier_processed_by_the_one_stop_system_is_not_handed_over_again()
    {
        var processing = Apply(Received, [new ProcessingSubmission("mc-1", Code, Local("2022-08-01T10:00:00"), null, "cb-tuphap-07", null)]);

        SnapshotPlanner.Plan(Snapshot(PortalStatus.Processing), processing).Outcome.ShouldBe(SnapshotOutcome.NothingNew);
    }

    [Fact]
    public void a_whole_life_replayed_snapshot_by_snapshot_ends_returned_with_each_fact_once()
    {
        var round = Round("2022-08-02T14:00:00", "2022-08-05T08:00:00", "2022-08-10T08:00:00");
        PortalDossier[] snapshots =
        [
            Snapshot(PortalStatus.Received),
            Snapshot(PortalStatus.Processing),
            Snapshot(PortalStatus.SupplementRequested, supplements: Round("2022-08-02T14:00:00")),
            Snapshot(PortalStatus.Processing, supplements: round),
            Snapshot(PortalStatus.Resolved, "2022-08-09T10:00:00", supplements: round),
            Snapshot(PortalStatus.Returned, "2022-08-09T10:00:00", "2022-08-09T15:00:00", round),
        ];

        var types = new List<string>();
        Dossier? state = null;
        foreach (var snapshot in snapshots.Concat(snapshots))
        {
            var plan = SnapshotPlanner.Plan(snapshot, state);
            types.AddRange(plan.Submissions.Select(s => s.Type));
            state = Apply(state, plan.Submissions);
        }

        types.ShouldBe(["received", "processing", "paused", "resumed", "resolved", "returned"]);
        (state!.Status, state.DueAt, state.CompletedAt).ShouldBe((DossierStatus.Returned, Local("2022-08-10T08:00:00"), Local("2022-08-09T10:00:00")));
    }
}
