using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

/// <summary>An event of the traffic and when the simulated one-stop system sends it (after it happened, at times much later).</summary>
/// <param name="UnitCode">The dossier's unit, which decides the key the event is sent with.</param>
/// <param name="IsResend">An unchanged copy of an event sent before: the tracker should answer it as a duplicate.</param>
/// <param name="IsFinal">The dossier's last event (resends aside): after it the simulator has nothing more to say about it.</param>
public sealed record SimulatedEvent(EventSubmission Submission, string UnitCode, DateTimeOffset SendAt, bool IsResend, bool IsFinal)
{
    public DateTimeOffset OccurredAt => Submission.OccurredAt;
}

/// <summary>A dossier of the traffic: where and what it is, what was planned for it, and its events in the order sent.</summary>
public sealed record SimulatedDossier(
    string Code, Unit Unit, CatalogueProcedure Procedure, Channel Channel, DossierPlan Plan, IReadOnlyList<SimulatedEvent> Events)
{
    public DateTimeOffset ReceivedAt => Events[0].OccurredAt;
}
