using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Traffic;

public enum Ending { Resolved, Withdrawn, Stopped }

/// <summary>What the simulator decides for a dossier when it arrives; tests check the shares of each choice.</summary>
/// <param name="DueAtSent">The one-stop system sends the due time it printed on the receipt; otherwise the tracker computes it.</param>
/// <param name="NeverResumed">Paused and never resumed: the applicant gave up and the dossier was withdrawn.</param>
/// <param name="Apology">Late, and the unit issued an apology slip with a new appointment before the due date.</param>
public sealed record DossierPlan(bool DueAtSent, bool Paused, bool NeverResumed, bool Late, bool Apology, Ending Ending)
{
    private const double DueAtSentShare = 0.9;
    private const double PausedShare = 0.2;
    private const double NeverResumedShareOfPaused = 0.075;
    private const double StoppedShare = 0.005;
    private const double WithdrawnShare = 0.005; // besides the paused dossiers never resumed: about 2 % in all
    private const double LandLateShare = 0.04;
    private const double OtherLateShare = 0.006;
    private const double ApologyShareOfLate = 0.85;

    public static DossierPlan Draw(CatalogueProcedure procedure, Random random)
    {
        var dueAtSent = random.Chance(DueAtSentShare);
        var paused = random.Chance(PausedShare);
        var neverResumed = paused && random.Chance(NeverResumedShareOfPaused);
        var draw = random.NextDouble();
        var ending = neverResumed ? Ending.Withdrawn
            : draw < StoppedShare ? Ending.Stopped
            : draw < StoppedShare + WithdrawnShare ? Ending.Withdrawn
            : Ending.Resolved;
        var late = ending == Ending.Resolved && random.Chance(procedure.IsLand ? LandLateShare : OtherLateShare);
        var apology = late && random.Chance(ApologyShareOfLate);
        return new DossierPlan(dueAtSent, paused, neverResumed, late, apology, ending);
    }
}
