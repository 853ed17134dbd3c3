using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.Ingesting;

/// <summary>
/// Decides a batch's submissions in order against in-memory dossier states, so that a batch may receive a dossier and
/// then move it on. Idempotency comes first: a known eventId is a duplicate (same content) or a conflict, whatever the
/// dossier's state now.
/// </summary>
internal sealed class IngestionBatch(Dictionary<string, Dossier> states, Dictionary<string, LedgerEntry> ledger)
{
    private readonly Dictionary<string, List<IDossierEvent>> _newEvents = new(StringComparer.Ordinal);
    private readonly List<(string, LedgerEntry)> _newLedgerEntries = [];

    public IReadOnlyDictionary<string, List<IDossierEvent>> NewEvents => _newEvents;
    public IReadOnlyList<(string EventId, LedgerEntry Entry)> NewLedgerEntries => _newLedgerEntries;

    public IngestionResult Decide(EventSubmission submission, DecisionContext context)
    {
        var fingerprint = Fingerprint.Of(submission);
        if (ledger.TryGetValue(submission.EventId, out var known))
            return known.Fingerprint.AsSpan().SequenceEqual(fingerprint) && known.DossierCode == submission.DossierCode
                ? IngestionResult.Duplicate(submission, known.Version)
                : IngestionResult.Rejected(submission, new Rejection(ProblemCodes.EventIdConflict,
                    $"eventId '{submission.EventId}' was already stored with different content."));

        var dossier = states.GetValueOrDefault(submission.DossierCode);
        var decision = DossierDecider.Decide(dossier, submission, context);
        if (decision.Rejection is { } rejection) return IngestionResult.Rejected(submission, rejection);

        var @event = decision.Event!;
        var updated = dossier is null ? Dossier.Start(submission.DossierCode, (DossierReceived)@event) : dossier.Apply(@event);
        states[submission.DossierCode] = updated;

        if (!_newEvents.TryGetValue(submission.DossierCode, out var events)) _newEvents[submission.DossierCode] = events = [];
        events.Add(@event);

        var entry = new LedgerEntry(submission.DossierCode, fingerprint, updated.Version);
        ledger[submission.EventId] = entry;
        _newLedgerEntries.Add((submission.EventId, entry));
        return IngestionResult.Created(submission, updated.Version);
    }
}
