using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>Every generated life is one the tracker accepts, event by event, in the order it is sent.</summary>
public class LifecycleTests
{
    // Two months across the 2025 reorganisation: Hòa Bình's units, then Phú Thọ's without districts.
    private static readonly List<SimulatedDossier> Sample =
        DemoTraffic.Dossiers(DemoTraffic.Generator(seed: 7, scale: 0.2), new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 31));

    private static readonly Dictionary<string, (Dossier Dossier, List<string> Rejections)> Folded =
        Sample.ToDictionary(d => d.Code, ContractCheck.Fold);

    [Fact]
    public void the_tracker_state_machine_accepts_every_event_of_every_dossier()
    {
        var refused = Sample.Select(d => (d.Code, Folded[d.Code].Rejections)).Where(r => r.Rejections.Count > 0).Take(5).ToList();
        refused.ShouldBeEmpty(string.Join("\n", refused.Select(r => $"{r.Code}: {string.Join("; ", r.Rejections)}")));
    }

    [Fact]
    public void received_comes_first_and_only_once()
    {
        foreach (var dossier in Sample)
        {
            dossier.Events[0].Submission.ShouldBeOfType<ReceivedSubmission>();
            dossier.Events.Where(e => !e.IsResend).Count(e => e.Submission is ReceivedSubmission).ShouldBe(1, dossier.Code);
        }
    }

    [Fact]
    public void occurred_at_never_decreases_within_a_dossier()
    {
        foreach (var dossier in Sample)
        {
            var times = dossier.Events.Where(e => !e.IsResend).Select(e => e.OccurredAt).ToList();
            times.ShouldBe(times.Order().ToList(), dossier.Code);
        }
    }

    [Fact]
    public void events_are_sent_in_order_and_never_before_they_happen()
    {
        foreach (var dossier in Sample)
        {
            var firstSends = dossier.Events.Where(e => !e.IsResend).ToList();
            firstSends.Select(e => e.SendAt).ShouldBe(firstSends.Select(e => e.SendAt).Order().ToList(), dossier.Code);
            dossier.Events.ShouldAllBe(e => e.SendAt >= e.OccurredAt);
        }
    }

    [Fact]
    public void nothing_follows_a_close_but_the_return_of_a_resolved_dossier()
    {
        foreach (var dossier in Sample)
        {
            var types = dossier.Events.Where(e => !e.IsResend).Select(e => e.Submission.Type).ToList();
            var close = types.FindIndex(t => t is EventTypes.Resolved or EventTypes.Withdrawn or EventTypes.Stopped);
            if (close < 0) continue;
            types.Skip(close + 1).ShouldBe(types[close] == EventTypes.Resolved && close + 1 < types.Count ? [EventTypes.Returned] : [], dossier.Code);
        }
    }

    [Fact]
    public void every_dossier_is_closed_within_its_longest_life()
    {
        foreach (var dossier in Sample)
        {
            var folded = Folded[dossier.Code].Dossier;
            folded.IsClosed.ShouldBeTrue(dossier.Code);
            (dossier.Events.Max(e => e.SendAt) - dossier.ReceivedAt).ShouldBeLessThan(TrafficGenerator.LongestLife, dossier.Code);
        }
    }

    [Fact]
    public void resends_repeat_an_event_unchanged_after_it_was_first_sent()
    {
        var resends = Sample.SelectMany(d => d.Events.Select((e, i) => (Dossier: d, Event: e, Index: i))).Where(x => x.Event.IsResend).ToList();
        resends.ShouldNotBeEmpty();
        foreach (var (dossier, resend, index) in resends)
        {
            var original = dossier.Events.Take(index).Single(e => e.Submission.EventId == resend.Submission.EventId);
            resend.Submission.ShouldBe(original.Submission);
            resend.SendAt.ShouldBeGreaterThan(original.SendAt);
        }
    }

    [Fact]
    public void apologies_go_out_before_the_effective_due_time()
    {
        var late = Sample.Where(d => d.Plan.Apology).ToList();
        late.ShouldNotBeEmpty();
        foreach (var dossier in late)
        {
            var folded = Folded[dossier.Code].Dossier;
            var apology = dossier.Events.Where(e => !e.IsResend).Select(e => e.Submission).OfType<LateSubmission>().Single();
            apology.ApologyIssued.ShouldBe(true);
            apology.OccurredAt.ShouldBeLessThan(folded.DueAt, dossier.Code);
            apology.NewAppointmentAt!.Value.ShouldBeGreaterThanOrEqualTo(folded.CompletedAt!.Value, dossier.Code);
        }
    }

    [Fact]
    public void a_dossier_planned_late_is_late_by_the_report_rule_and_the_others_are_not()
    {
        foreach (var dossier in Sample.Where(d => d.Plan.Ending == Ending.Resolved))
        {
            var folded = Folded[dossier.Code].Dossier;
            (folded.Result == CompletionResult.Late).ShouldBe(dossier.Plan.Late, dossier.Code);
        }
    }
}
