using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>
/// Runs a simulated dossier through the tracker's own state machine (<see cref="DossierDecider"/>), in the order the
/// simulator sends it: what the decider refuses, the tracker would refuse.
/// </summary>
public static class ContractCheck
{
    private static readonly DateTimeOffset FarFuture = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DecisionContext Context = new(
        DemoTraffic.Province.Units,
        DemoTraffic.Province.Procedures.ToDictionary(p => p.Code, p => p.Procedure),
        DemoTraffic.Calendar,
        Now: FarFuture,
        RecordedAt: FarFuture,
        ScopeUnitCode: null,
        Source: EventSources.OneStop);

    /// <summary>The dossier as the tracker would hold it after every event, and the problem codes of any refused.</summary>
    public static (Dossier Dossier, List<string> Rejections) Fold(SimulatedDossier simulated)
    {
        Dossier? dossier = null;
        var rejections = new List<string>();
        // Resends are answered from the idempotency ledger before the decider sees them.
        foreach (var e in simulated.Events.Where(e => !e.IsResend))
        {
            var decision = DossierDecider.Decide(dossier, e.Submission, Context);
            if (decision.Event is { } accepted)
                dossier = dossier is null ? Dossier.Start(simulated.Code, (DossierReceived)accepted) : dossier.Apply(accepted);
            else
                rejections.Add($"{e.Submission.Type}: {decision.Rejection!.Code} ({decision.Rejection.Detail})");
        }
        return (dossier ?? throw new InvalidOperationException($"{simulated.Code}: its received event was refused: {string.Join("; ", rejections)}"), rejections);
    }
}
