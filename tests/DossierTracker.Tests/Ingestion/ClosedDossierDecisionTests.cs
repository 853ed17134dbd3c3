using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Tests.Calendar;
using static DossierTracker.Tests.Ingestion.Scenario;

namespace DossierTracker.Tests.Ingestion;

/// <summary>Contract, "After a close": nothing is accepted after a close, except one <c>returned</c> after <c>resolved</c>.</summary>
public sealed class ClosedDossierDecisionTests
{
    private const string ClosedAt = "2024-03-13 08:00";
    private const string Later = "2024-03-14 09:00";

    private static readonly string[] Closings = [EventTypes.Resolved, EventTypes.Returned, EventTypes.Withdrawn, EventTypes.Stopped];

    public static TheoryData<string, string> EveryEventAfterEveryClose()
    {
        var data = new TheoryData<string, string>();
        foreach (var closing in Closings)
        {
            foreach (var next in Submit.KindsAfterReception.Where(next => !(closing == EventTypes.Resolved && next == EventTypes.Returned)))
            {
                data.Add(closing, next);
            }
        }
        return data;
    }

    [Theory, MemberData(nameof(EveryEventAfterEveryClose))]
    public void an_event_after_a_close_is_refused_as_dossier_closed(string closing, string next)
    {
        var closed = Given(Submit.Received(), Submit.AfterReception(closing, ClosedAt));

        Decide(closed, Submit.AfterReception(next, Later)).Refusal().ShouldBe(ProblemCodes.DossierClosed);
    }

    [Fact]
    public void returned_after_resolved_is_accepted() =>
        Decide(Given(Submit.Received(), Submit.Resolved(ClosedAt)), Submit.Returned(Later)).Event.ShouldBeOfType<DossierReturned>();

    [Fact]
    public void returned_after_resolved_is_accepted_even_when_reported_as_earlier() =>
        Decide(Given(Submit.Received(), Submit.Resolved(ClosedAt)), Submit.Returned("2024-03-12 08:00")).IsAccepted.ShouldBeTrue();

    [Fact]
    public void a_second_returned_after_resolved_is_refused_as_dossier_closed() =>
        Decide(Given(Submit.Received(), Submit.Resolved(ClosedAt), Submit.Returned(Later)), Submit.Returned("2024-03-15 09:00"))
            .Refusal().ShouldBe(ProblemCodes.DossierClosed);

    [Fact]
    public void the_tracker_late_of_a_dossier_closed_before_its_due_time_is_refused_as_dossier_closed() =>
        Decide(Given(Submit.Received(), Submit.Resolved(ClosedAt)), Submit.TrackerLate(Local.Time("2024-03-14 08:00")), Province.Context(scope: null))
            .Refusal().ShouldBe(ProblemCodes.DossierClosed);
}
