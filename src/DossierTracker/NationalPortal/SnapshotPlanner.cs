using DossierTracker.Dossiers;
using DossierTracker.Ingestion;

namespace DossierTracker.NationalPortal;

/// <summary>
/// Compares a <c>DongBoHoSoMC</c> snapshot with the dossier's state and returns the events the tracker lacks, in the
/// order they happened (src/DossierTracker.Api/NationalPortal/README.md has the table). Pure: times and event ids
/// come from the snapshot, so the same snapshot on the same state always gives the same submissions, and a snapshot
/// already applied gives none.
/// Whether the submissions are accepted (unit, procedure, scope, closed dossier, future times) stays the decider's call.
/// </summary>
public static class SnapshotPlanner
{
    public static SnapshotPlan Plan(PortalDossier snapshot, Dossier? current)
    {
        if (!snapshot.Status.IsCounted()) return SnapshotPlan.NotCounted;

        var steps = new Steps(snapshot.Code);
        var recorded = current is null ? RecordedProgress.Nothing : RecordedProgress.Of(current);
        if (!recorded.Exists)
        {
            steps.Received(snapshot);
            recorded = RecordedProgress.Nothing with { Status = DossierStatus.Received };
        }

        var since = LatestKnownTime(snapshot, current);
        return recorded.IsClosed
            ? AfterClose(snapshot, recorded.Status!.Value, since, steps)
            : WhileOpen(snapshot, recorded, since, steps);
    }

    private static SnapshotPlan WhileOpen(PortalDossier snapshot, RecordedProgress recorded, DateTimeOffset since, Steps steps)
    {
        var paused = recorded.Paused;
        for (var k = 0; k < snapshot.Supplements.Count; k++)
        {
            var round = snapshot.Supplements[k];
            if (k >= recorded.SupplementPauses)
            {
                steps.Paused(PauseReason.Supplement, round.RequestedAt, round.Request);
                paused = true;
            }
            if (round.ReceivedAt is { } suppliedAt && k >= recorded.SupplementResumes)
            {
                steps.Resumed(suppliedAt, round.NewDueAt);
                paused = false;
            }
        }

        switch (snapshot.Status)
        {
            case PortalStatus.Received or PortalStatus.Processing:
                // The portal says the clock runs, but names no time for the end of a pause it lists no round for.
                if (paused) steps.Resumed(since, null);
                if (snapshot.Status == PortalStatus.Processing && !recorded.Processed) steps.Processing(since);
                break;
            case PortalStatus.SupplementRequested when !paused:
                steps.Paused(PauseReason.Supplement, since, null);
                break;
            case PortalStatus.PaymentRequested when !paused:
                steps.Paused(PauseReason.Payment, since, null);
                break;
            case PortalStatus.Returned:
                // Returned straight from open: the resolution the portal dates comes first.
                if (snapshot.FinishedAt is { } finishedAt) steps.Resolved(finishedAt);
                Close(snapshot, since, steps);
                break;
            case PortalStatus.Resolved or PortalStatus.Withdrawn or PortalStatus.Stopped:
                Close(snapshot, since, steps);
                break;
        }
        return SnapshotPlan.Of(steps.List);
    }

    /// <summary>
    /// A closed dossier only takes the one close that may follow (returned after resolved). An open status is a late
    /// or replayed snapshot; a different close is a contradiction, submitted so the decider refuses it as such.
    /// </summary>
    private static SnapshotPlan AfterClose(PortalDossier snapshot, DossierStatus closedAs, DateTimeOffset since, Steps steps)
    {
        switch (snapshot.Status)
        {
            case PortalStatus.Resolved when closedAs is DossierStatus.Resolved or DossierStatus.Returned:
            case PortalStatus.Returned when closedAs == DossierStatus.Returned:
            case PortalStatus.Withdrawn when closedAs == DossierStatus.Withdrawn:
            case PortalStatus.Stopped when closedAs == DossierStatus.Stopped:
                return SnapshotPlan.NothingNew;
            case PortalStatus.Resolved or PortalStatus.Returned or PortalStatus.Withdrawn or PortalStatus.Stopped:
                Close(snapshot, since, steps);
                return SnapshotPlan.Of(steps.List);
            default:
                return SnapshotPlan.Superseded;
        }
    }

    /// <summary>The close event of a closing status, at the time the portal gives for it.</summary>
    private static void Close(PortalDossier snapshot, DateTimeOffset since, Steps steps)
    {
        switch (snapshot.Status)
        {
            case PortalStatus.Resolved:
                steps.Resolved(snapshot.FinishedAt!.Value);
                break;
            case PortalStatus.Returned:
                steps.Returned(snapshot.ReturnedAt!.Value);
                break;
            case PortalStatus.Withdrawn:
                steps.Withdrawn(snapshot.FinishedAt ?? since);
                break;
            case PortalStatus.Stopped:
                steps.Stopped(snapshot.FinishedAt ?? since);
                break;
        }
    }

    /// <summary>
    /// The time of a step the portal dates nowhere (processing, a pause for 5 or 6 without a round, the end of such a
    /// pause, 7 and 8 without NgayKetThucXuLy): the latest of the receipt (the snapshot's and the tracker's) and the
    /// supplement requests and receipts. Never before receipt, never later than a time the portal itself reported, and
    /// the same on every retry of the snapshot.
    /// </summary>
    private static DateTimeOffset LatestKnownTime(PortalDossier snapshot, Dossier? current) =>
        new[] { snapshot.ReceivedAt, current?.ReceivedAt }
            .Concat(snapshot.Supplements.SelectMany(r => new[] { (DateTimeOffset?)r.RequestedAt, r.ReceivedAt }))
            .Max() ?? throw new ArgumentException("A counted snapshot has NgayTiepNhan.", nameof(snapshot));

    /// <summary>Builds the submissions with their snapshot-derived ids.</summary>
    private sealed class Steps(string code)
    {
        public List<EventSubmission> List { get; } = [];

        private string Id(string step, DateTimeOffset at) => PortalEventIds.Of(code, step, at);

        /// <summary>
        /// The due time set at reception: the first supplement round's NgayHenTraTruoc when there is one, since the
        /// portal may already show the moved appointment in NgayHenTra. Absent both, the tracker computes it.
        /// </summary>
        public void Received(PortalDossier s)
        {
            var at = s.ReceivedAt!.Value;
            var dueAt = s.Supplements.FirstOrDefault()?.PreviousDueAt ?? s.DueAt;
            List.Add(new ReceivedSubmission(Id(EventTypes.Received, at), code, at, s.ReceivingUnitCode!, s.ProcedureCode!, s.Channel, dueAt));
        }

        public void Processing(DateTimeOffset at) =>
            List.Add(new ProcessingSubmission(Id(EventTypes.Processing, at), code, at, null, null, null));

        public void Paused(PauseReason reason, DateTimeOffset at, string? note) =>
            List.Add(new PausedSubmission(Id($"{EventTypes.Paused}-{reason.ToString().ToLowerInvariant()}", at), code, at, reason, note));

        public void Resumed(DateTimeOffset at, DateTimeOffset? dueAt) =>
            List.Add(new ResumedSubmission(Id(EventTypes.Resumed, at), code, at, dueAt));

        public void Withdrawn(DateTimeOffset at) => List.Add(new WithdrawnSubmission(Id(EventTypes.Withdrawn, at), code, at, null));

        public void Stopped(DateTimeOffset at) => List.Add(new StoppedSubmission(Id(EventTypes.Stopped, at), code, at, null));

        public void Resolved(DateTimeOffset at) => List.Add(new ResolvedSubmission(Id(EventTypes.Resolved, at), code, at, null));

        public void Returned(DateTimeOffset at) => List.Add(new ReturnedSubmission(Id(EventTypes.Returned, at), code, at));
    }
}
