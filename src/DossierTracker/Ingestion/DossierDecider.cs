using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Ingestion;

/// <summary>
/// The dossier state machine: decides whether a submission is accepted on the dossier as it stands, and computes the
/// values (due times) that the stored event records. Pure: no I/O, no clock.
/// </summary>
public static class DossierDecider
{
    /// <summary>
    /// Inputs are kept to the supported years, but a dossier stored before that rule may still carry a due time the
    /// calendar cannot count from; that event alone is refused, not the batch it came in.
    /// </summary>
    public static Decision Decide(Dossier? dossier, EventSubmission submission, DecisionContext context)
    {
        try
        {
            return DecideWithinCalendar(dossier, submission, context);
        }
        catch (CalendarRangeException e)
        {
            return Decision.Reject(ProblemCodes.DateOutOfRange, e.Message);
        }
    }

    private static Decision DecideWithinCalendar(Dossier? dossier, EventSubmission submission, DecisionContext context)
    {
        if (submission.OccurredAt > context.Now + DecisionContext.AllowedClockSkew)
            return Decision.Reject(ProblemCodes.FutureEvent,
                $"occurredAt {VietnamTime.ToLocal(submission.OccurredAt):yyyy-MM-dd'T'HH:mm:sszzz} is more than {DecisionContext.AllowedClockSkew.TotalMinutes:0} minutes ahead of the tracker's clock.");

        if (submission is ReceivedSubmission received)
            return DecideReceived(dossier, received, context);

        // A dossier outside the key's scope is answered as an unknown one, so a key learns nothing of its existence.
        if (dossier is null || !context.MayActOn(dossier))
            return Decision.Reject(ProblemCodes.DossierNotReceived, $"Dossier '{submission.DossierCode}' has not been received.");

        if (submission.OccurredAt < dossier.ReceivedAt)
            return Decision.Reject(ProblemCodes.OccurredBeforeReceived,
                $"occurredAt is before the dossier was received ({VietnamTime.ToLocal(dossier.ReceivedAt):O}).");

        if (IsRefusedAfterClose(dossier, submission))
            return Decision.Reject(ProblemCodes.DossierClosed, $"Dossier '{dossier.Code}' is closed ({dossier.Status.ToString().ToLowerInvariant()}).");

        return submission switch
        {
            ProcessingSubmission s => DecideProcessing(s, context),
            PausedSubmission s => Decision.Accept(new DossierPaused(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.Reason, s.Note)),
            ResumedSubmission s => DecideResumed(dossier, s, context),
            TrackerLateSubmission s => DecideTrackerLate(dossier, s, context),
            LateSubmission s => Decision.Accept(new DossierMarkedLate(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.ApologyIssued, s.NewAppointmentAt, s.Reason)),
            ResolvedSubmission s => Decision.Accept(new DossierResolved(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.Outcome)),
            ReturnedSubmission s => Decision.Accept(new DossierReturned(s.EventId, s.OccurredAt, context.RecordedAt, context.Source)),
            WithdrawnSubmission s => Decision.Accept(new DossierWithdrawn(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.Reason)),
            StoppedSubmission s => Decision.Accept(new DossierStopped(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.Reason)),
            _ => throw new ArgumentOutOfRangeException(nameof(submission), submission.GetType().Name, "Unknown submission."),
        };
    }

    /// <summary>After a close only one <c>returned</c> after <c>resolved</c> is accepted (contract: After a close).</summary>
    private static bool IsRefusedAfterClose(Dossier dossier, EventSubmission submission) =>
        dossier.IsClosed && !(submission is ReturnedSubmission && dossier.Status == DossierStatus.Resolved);

    /// <summary>Unit and scope are checked before existence, so a key learns nothing about dossiers outside its scope.</summary>
    private static Decision DecideReceived(Dossier? existing, ReceivedSubmission s, DecisionContext context)
    {
        var unit = context.Units.Find(s.UnitCode);
        if (unit is null || !unit.IsValidOn(VietnamTime.LocalDate(s.OccurredAt)))
            return Decision.Reject(ProblemCodes.UnknownUnit, unit is null
                ? $"Unit '{s.UnitCode}' is not in the organisation tree."
                : $"Unit '{s.UnitCode}' is not valid on {VietnamTime.LocalDate(s.OccurredAt):yyyy-MM-dd}.");

        if (context.ScopeUnitCode is { } scope && !context.Units.IsInScopeOf(unit.Code, scope))
            return Decision.Reject(ProblemCodes.OutOfScopeUnit, $"Unit '{s.UnitCode}' is outside this key's scope.");

        // A code taken outside the key's scope cannot be received again, so its existence cannot be hidden here; the
        // 403 at least keeps the sender from taking it for its own dossier.
        if (existing is not null)
            return context.MayActOn(existing)
                ? Decision.Reject(ProblemCodes.DossierExists, $"Dossier '{s.DossierCode}' was already received.")
                : Decision.Reject(ProblemCodes.OutOfScopeUnit, $"Dossier '{s.DossierCode}' belongs to a unit outside this key's scope.");

        if (!context.Procedures.TryGetValue(s.ProcedureCode, out var procedure))
            return Decision.Reject(ProblemCodes.UnknownProcedure, $"Procedure '{s.ProcedureCode}' is not in the catalogue.");

        if (s.DueAt is { } sent && sent < s.OccurredAt)
            return Decision.Reject(ProblemCodes.DueBeforeReceived, "dueAt is before occurredAt.");

        var dueAt = s.DueAt ?? context.Calendar.DueTime(s.OccurredAt, procedure.ProcessingTime);
        return Decision.Accept(new DossierReceived(s.EventId, s.OccurredAt, context.RecordedAt, context.Source,
            unit.Code, procedure.Code, s.Channel, dueAt, DueAtComputed: s.DueAt is null));
    }

    private static Decision DecideProcessing(ProcessingSubmission s, DecisionContext context)
    {
        if (s.UnitCode is { } unitCode)
        {
            if (!context.Units.Contains(unitCode))
                return Decision.Reject(ProblemCodes.UnknownUnit, $"Unit '{unitCode}' is not in the organisation tree.");
            if (context.ScopeUnitCode is { } scope && !context.Units.IsInScopeOf(unitCode, scope))
                return Decision.Reject(ProblemCodes.OutOfScopeUnit, $"Unit '{unitCode}' is outside this key's scope.");
        }
        return Decision.Accept(new DossierHandedOver(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, s.UnitCode, s.Handler, s.Note, s.HandlerName));
    }

    /// <summary>Without a sent due time the due time moves later by the working time spent paused.</summary>
    private static Decision DecideResumed(Dossier dossier, ResumedSubmission s, DecisionContext context)
    {
        if (s.DueAt is { } sent && sent < dossier.ReceivedAt)
            return Decision.Reject(ProblemCodes.DueBeforeReceived, "dueAt is before the dossier was received.");

        var dueAt = s.DueAt ?? (dossier.PausedSince is { } pausedSince
            ? context.Calendar.AddWorkingTime(dossier.DueAt, context.Calendar.WorkingTimeBetween(pausedSince, s.OccurredAt))
            : dossier.DueAt);
        return Decision.Accept(new DossierResumed(s.EventId, s.OccurredAt, context.RecordedAt, context.Source, dueAt, DueAtComputed: s.DueAt is null));
    }

    private static Decision DecideTrackerLate(Dossier dossier, TrackerLateSubmission s, DecisionContext context)
    {
        var stillDue = !dossier.IsPaused && dossier.DueAt == s.DueAt && dossier.DueAt < context.Now && dossier.TrackerLateFor != dossier.DueAt;
        return stillDue
            ? Decision.Accept(new DossierMarkedLate(s.EventId, s.DueAt, context.RecordedAt, EventSources.Tracker, null, null, null))
            : Decision.Reject(ProblemCodes.NotOverdue, $"Dossier '{dossier.Code}' is no longer overdue for {s.DueAt:O}.");
    }
}
