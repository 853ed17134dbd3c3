using System.Text.Json;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.ReadModel;

/// <summary>The upsert of <c>tracker.dossiers</c> rows from folded dossiers, as one statement over arrays.</summary>
internal static class DossierRowSql
{
    public const string Upsert =
        $"""
        insert into {TrackerTables.Dossiers} (code, unit_code, procedure_code, channel, status, received_at, original_due_at, due_at,
            due_learned_at, paused, completed_at, closed_at, result, closed_within_due, second_supplement_at, handler, apology_issued, new_appointment_at,
            tracker_late_for, late_by, version, state)
        select code, unit_code, procedure_code, channel, status, received_at, original_due_at, due_at,
            due_learned_at, paused, completed_at, closed_at, result, closed_within_due, second_supplement_at, handler, apology_issued, new_appointment_at,
            tracker_late_for, late_by, version, state::jsonb
        from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            as r(code, unit_code, procedure_code, channel, status, received_at, original_due_at, due_at,
                 due_learned_at, paused, completed_at, closed_at, result, closed_within_due, second_supplement_at, handler, apology_issued, new_appointment_at,
                 tracker_late_for, late_by, version, state)
        on conflict (code) do update set
            unit_code = excluded.unit_code, procedure_code = excluded.procedure_code, channel = excluded.channel,
            status = excluded.status, received_at = excluded.received_at, original_due_at = excluded.original_due_at,
            due_at = excluded.due_at, due_learned_at = excluded.due_learned_at, paused = excluded.paused,
            completed_at = excluded.completed_at, closed_at = excluded.closed_at, result = excluded.result,
            closed_within_due = excluded.closed_within_due, second_supplement_at = excluded.second_supplement_at, handler = excluded.handler, apology_issued = excluded.apology_issued,
            new_appointment_at = excluded.new_appointment_at, tracker_late_for = excluded.tracker_late_for, late_by = excluded.late_by,
            version = excluded.version, state = excluded.state
        """;

    public static object[] Parameters(IReadOnlyList<Dossier> d, WorkingCalendar calendar) =>
    [
        d.Select(x => x.Code).ToArray(),
        d.Select(x => x.UnitCode).ToArray(),
        d.Select(x => x.ProcedureCode).ToArray(),
        d.Select(x => WireNames.Of(x.Channel)).ToArray(),
        d.Select(x => WireNames.Of(x.Status)).ToArray(),
        DossierReadModelProjection.Timestamptz(d.Select(x => (DateTimeOffset?)x.ReceivedAt)),
        DossierReadModelProjection.Timestamptz(d.Select(x => (DateTimeOffset?)x.OriginalDueAt)),
        DossierReadModelProjection.Timestamptz(d.Select(x => (DateTimeOffset?)x.DueAt)),
        DossierReadModelProjection.Timestamptz(d.Select(x => (DateTimeOffset?)x.DueLearnedAt)),
        d.Select(x => x.IsPaused).ToArray(),
        DossierReadModelProjection.Timestamptz(d.Select(x => x.CompletedAt)),
        DossierReadModelProjection.Timestamptz(d.Select(x => x.ClosedAt)),
        d.Select(x => x.Result is { } r ? WireNames.Of(r) : null).ToArray(),
        d.Select(x => x.ClosedWithinDue).ToArray(),
        DossierReadModelProjection.Timestamptz(d.Select(x => x.SecondSupplementRequestAt)),
        d.Select(x => x.Handler).ToArray(),
        d.Select(x => x.Apology?.Issued ?? false).ToArray(),
        DossierReadModelProjection.Timestamptz(d.Select(x => x.Apology?.NewAppointmentAt)),
        DossierReadModelProjection.Timestamptz(d.Select(x => x.TrackerLateFor)),
        d.Select(x => LateBy.AtCompletion(calendar, x)).ToArray(),
        d.Select(x => x.Version).ToArray(),
        d.Select(x => JsonSerializer.Serialize(x, StateJson.Options)).ToArray(),
    ];
}
