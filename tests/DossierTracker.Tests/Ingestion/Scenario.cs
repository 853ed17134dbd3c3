using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.Tests.Ingestion;

/// <summary>Arranges a dossier the way the tracker builds one: every submission decided, then applied.</summary>
internal static class Scenario
{
    public static Dossier Given(params EventSubmission[] history)
    {
        Dossier? dossier = null;
        foreach (var submission in history)
        {
            var decision = DossierDecider.Decide(dossier, submission, Province.Context());
            var @event = decision.Event
                ?? throw new InvalidOperationException($"The arrangement was refused: {submission.Type} {decision.Rejection}");
            dossier = dossier is null ? Dossier.Start(submission.DossierCode, (DossierReceived)@event) : dossier.Apply(@event);
        }
        return dossier ?? throw new ArgumentException("A scenario starts with a received submission.", nameof(history));
    }

    public static Decision Decide(Dossier? dossier, EventSubmission submission, DecisionContext? context = null) =>
        DossierDecider.Decide(dossier, submission, context ?? Province.Context());

    public static string? Refusal(this Decision decision) => decision.Rejection?.Code;
}
