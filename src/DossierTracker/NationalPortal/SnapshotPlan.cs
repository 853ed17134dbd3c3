using DossierTracker.Ingestion;

namespace DossierTracker.NationalPortal;

public enum SnapshotOutcome
{
    /// <summary>The snapshot tells facts the tracker lacks: <see cref="SnapshotPlan.Submissions"/> holds them in order.</summary>
    NewEvents,
    /// <summary>Everything the snapshot tells is already recorded.</summary>
    NothingNew,
    /// <summary>The dossier is closed in the tracker and the snapshot shows an earlier, open status: a late or replayed snapshot.</summary>
    Superseded,
    /// <summary>Status 1 or 3: never counted, nothing recorded.</summary>
    NotCounted,
}

/// <summary>What a snapshot adds to a dossier: the submissions to make, in order, and why there are none.</summary>
public sealed record SnapshotPlan(SnapshotOutcome Outcome, IReadOnlyList<EventSubmission> Submissions)
{
    public static SnapshotPlan Of(IReadOnlyList<EventSubmission> submissions) =>
        new(submissions.Count > 0 ? SnapshotOutcome.NewEvents : SnapshotOutcome.NothingNew, submissions);

    public static readonly SnapshotPlan NothingNew = new(SnapshotOutcome.NothingNew, []);
    public static readonly SnapshotPlan Superseded = new(SnapshotOutcome.Superseded, []);
    public static readonly SnapshotPlan NotCounted = new(SnapshotOutcome.NotCounted, []);
}
