using DossierTracker.Api.Ingesting;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// Decides one dossier's planned submissions in memory, with the ingestor's own batch logic, before anything is
/// stored. A snapshot then applies whole or not at all: without the trial, "received, resolved, returned" with a
/// resolution dated in the future would store the receipt and refuse the rest.
/// </summary>
internal static class SnapshotTrial
{
    /// <summary>
    /// The refusal, or null when every submission passes; then the dossier's state after them replaces its entry in
    /// <paramref name="states"/>, so a later snapshot of the same dossier in the request is compared with it.
    /// </summary>
    public static IngestionResult? Run(IReadOnlyList<EventSubmission> plan, Dictionary<string, Dossier> states, DecisionContext context)
    {
        var code = plan[0].DossierCode;
        var trial = new Dictionary<string, Dossier>(StringComparer.Ordinal);
        if (states.TryGetValue(code, out var current)) trial[code] = current;
        var batch = new IngestionBatch(trial, new Dictionary<string, LedgerEntry>(StringComparer.Ordinal));
        foreach (var submission in plan)
        {
            var result = batch.Decide(submission, context);
            if (result.Status == IngestionStatus.Rejected) return result;
        }
        states[code] = trial[code];
        return null;
    }
}
