using System.Text.Json.Serialization;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Procedures;
using DossierTracker.Reporting;
using JasperFx.Events;

namespace DossierTracker.Api.Dossiers;

/// <summary>GET /api/dossiers/{code}: the dossier now, and why — due times, pauses, apology, result, timeline.</summary>
public sealed record DossierView(
    string DossierCode,
    string UnitCode,
    string? UnitName,
    string ProcedureCode,
    string? ProcedureName,
    string? FieldCode,
    string? FieldName,
    Channel Channel,
    DossierStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    CompletionResult? Result,
    bool OnTimeBy766,
    bool Overdue,
    double OverdueWorkingHours,
    string? Handler,
    string? HandlerName,
    ApologyView? Apology,
    IReadOnlyList<PauseView> Pauses,
    int Version,
    IReadOnlyList<TimelineEntry> Timeline)
{
    /// <param name="procedure">The dossier's procedure as the catalogue knows it now (its field included), if it does.</param>
    public static DossierView Of(Dossier dossier, IReadOnlyList<IEvent> events, WorkingCalendar calendar, DateTimeOffset now,
        string? unitName, Procedure? procedure) => new(
        dossier.Code, dossier.UnitCode, unitName, dossier.ProcedureCode, procedure?.Name, procedure?.Field?.Code, procedure?.Field?.Name,
        dossier.Channel, dossier.Status,
        dossier.ReceivedAt, dossier.DueAt, dossier.OriginalDueAt, dossier.CompletedAt, dossier.ClosedAt, dossier.Result,
        Decision766.IsOnTimeAsOf(dossier, now), dossier.IsOverdueAt(now), OverdueHours(dossier, calendar, now), dossier.Handler, dossier.HandlerName,
        dossier.Apology is { } a ? new ApologyView(a.Issued, a.NewAppointmentAt, a.Reason, a.RecordedFor) : null,
        PauseView.Of(dossier, calendar, now), dossier.Version,
        events.OrderBy(e => ((IDossierEvent)e.Data).OccurredAt).ThenBy(e => e.Version).Select(TimelineEntry.Of).ToList());

    /// <summary>Working hours past the effective due time: until completion, or until now while open and running.</summary>
    public static double OverdueHours(Dossier dossier, WorkingCalendar calendar, DateTimeOffset now)
    {
        var end = dossier.CompletedAt ?? (dossier.IsOverdueAt(now) ? now : (DateTimeOffset?)null);
        return end is { } until && until > dossier.DueAt ? Math.Round(calendar.WorkingTimeBetween(dossier.DueAt, until).TotalHours, 2) : 0;
    }
}

public sealed record ApologyView(bool Issued, DateTimeOffset? NewAppointmentAt, string? Reason, DateTimeOffset At);

public sealed record PauseView(DateTimeOffset From, DateTimeOffset? To, PauseReason Reason, double WorkingHours)
{
    public static IReadOnlyList<PauseView> Of(Dossier dossier, WorkingCalendar calendar, DateTimeOffset now)
    {
        var pauses = new List<PauseView>();
        for (var i = 0; i < dossier.Phases.Count; i++)
        {
            if (dossier.Phases[i].PausedFor is not { } reason) continue;
            var to = i + 1 < dossier.Phases.Count ? dossier.Phases[i + 1].From : dossier.ClosedAt;
            var hours = calendar.WorkingTimeBetween(dossier.Phases[i].From, to ?? now).TotalHours;
            pauses.Add(new PauseView(dossier.Phases[i].From, to, reason, Math.Round(hours, 2)));
        }
        return pauses;
    }
}

/// <summary>One event as the timeline shows it: common fields plus the event type's own fields.</summary>
public sealed record TimelineEntry(string EventId, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string Source)
{
    [JsonExtensionData]
    public Dictionary<string, object?> Fields { get; init; } = [];

    public static TimelineEntry Of(IEvent @event)
    {
        var e = (IDossierEvent)@event.Data;
        var (type, fields) = e switch
        {
            DossierReceived r => ("received", Compact(("unitCode", r.UnitCode), ("procedureCode", r.ProcedureCode), ("channel", r.Channel), ("dueAt", r.DueAt), ("dueAtComputed", r.DueAtComputed ? true : null))),
            DossierHandedOver h => ("processing", Compact(("unitCode", h.UnitCode), ("handler", h.Handler), ("handlerName", h.HandlerName), ("note", h.Note))),
            DossierPaused p => ("paused", Compact(("reason", p.Reason), ("note", p.Note))),
            DossierResumed r => ("resumed", Compact(("dueAt", r.DueAt), ("dueAtComputed", r.DueAtComputed ? true : null))),
            DossierMarkedLate l => ("late", Compact(("apologyIssued", l.ApologyIssued), ("newAppointmentAt", l.NewAppointmentAt), ("reason", l.Reason))),
            DossierResolved r => ("resolved", Compact(("outcome", r.Outcome))),
            DossierReturned => ("returned", Compact()),
            DossierWithdrawn w => ("withdrawn", Compact(("reason", w.Reason))),
            DossierStopped s => ("stopped", Compact(("reason", s.Reason))),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), e.GetType().Name, "Unknown dossier event."),
        };
        return new TimelineEntry(e.EventId, type, e.OccurredAt, e.RecordedAt, e.Source) { Fields = fields };
    }

    private static Dictionary<string, object?> Compact(params (string Name, object? Value)[] fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Name, f => f.Value);
}
