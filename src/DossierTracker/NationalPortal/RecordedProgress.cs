using DossierTracker.Dossiers;

namespace DossierTracker.NationalPortal;

/// <summary>
/// What a dossier's state already records of the steps a snapshot can describe. Supplement rounds are matched to the
/// dossier's supplement pauses by order: the k-th round is the k-th pause (and, once resumed, the k-th resumption).
/// </summary>
internal sealed record RecordedProgress(
    DossierStatus? Status, bool Processed, bool Paused, int SupplementPauses, int SupplementResumes, DateTimeOffset? ReceivedAt)
{
    public static readonly RecordedProgress Nothing = new(null, false, false, 0, 0, null);

    public static RecordedProgress Of(Dossier dossier) => new(
        dossier.Status,
        dossier.Status == DossierStatus.Processing || (dossier.IsPaused && dossier.StatusBeforePause == DossierStatus.Processing),
        dossier.IsPaused,
        dossier.Phases.Count(p => p.PausedFor == PauseReason.Supplement),
        // A pause phase followed by another phase has been resumed (a pause while paused adds no phase).
        dossier.Phases.Take(dossier.Phases.Count - 1).Count(p => p.PausedFor == PauseReason.Supplement),
        dossier.ReceivedAt);

    public bool Exists => Status is not null;

    public bool IsClosed => Status is DossierStatus.Resolved or DossierStatus.Returned or DossierStatus.Withdrawn or DossierStatus.Stopped;
}
