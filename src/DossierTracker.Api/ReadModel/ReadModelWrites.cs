using DossierTracker.Calendar;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.ReadModel;

/// <summary>
/// The statements that bring the read model in step with dossiers folded on: one upsert of every changed dossier's
/// row, and its phases rewritten only when they changed (most events leave them). Written with Marten's positional
/// <c>?</c> parameters: the inline projection queues them into Marten's session, the write side of ingestion sends
/// them in its own batch (Ingesting/CommitWrites.cs).
/// </summary>
public static class ReadModelWrites
{
    public static IEnumerable<(string Sql, object[] Parameters)> For(IReadOnlyList<FoldedDossier> changes, WorkingCalendar calendar)
    {
        yield return (DossierRowSql.Upsert, DossierRowSql.Parameters(changes.Select(c => c.After).ToList(), calendar));

        var rewritten = changes
            .Select(c => (c.Before, c.After, Periods: DossierPeriod.Of(c.After)))
            .Where(c => c.Before is null
                || c.Before.SecondSupplementRequestAt != c.After.SecondSupplementRequestAt
                || c.Before.CompletedAt != c.After.CompletedAt
                || !DossierPeriod.Of(c.Before).SequenceEqual(c.Periods))
            .ToList();
        var replaced = rewritten.Where(c => c.Before is not null).Select(c => c.After.Code).ToArray();
        if (replaced.Length > 0)
            yield return ($"delete from {TrackerTables.DossierPhases} where code = any(?)", [replaced]);
        if (rewritten.Count == 0) yield break;

        var periods = rewritten.SelectMany(c => c.Periods.Select(p => (Dossier: c.After, Period: p))).ToList();
        yield return (
            $"""
            insert into {TrackerTables.DossierPhases} (code, unit_code, procedure_code, period, due_at, paused, second_supplement_at, late_by)
            select code, unit_code, procedure_code, tstzrange(period_from, period_to, '(]'), due_at, paused, second_supplement_at, late_by
            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) as p(code, unit_code, procedure_code, period_from, period_to, due_at, paused, second_supplement_at, late_by)
            """,
            [
                periods.Select(p => p.Dossier.Code).ToArray(),
                periods.Select(p => p.Dossier.UnitCode).ToArray(),
                periods.Select(p => p.Dossier.ProcedureCode).ToArray(),
                DossierReadModelProjection.Timestamptz(periods.Select(p => (DateTimeOffset?)p.Period.From)),
                DossierReadModelProjection.Timestamptz(periods.Select(p => p.Period.To)),
                DossierReadModelProjection.Timestamptz(periods.Select(p => (DateTimeOffset?)p.Period.DueAt)),
                periods.Select(p => p.Period.Paused).ToArray(),
                DossierReadModelProjection.Timestamptz(periods.Select(p => p.Dossier.SecondSupplementRequestAt)),
                periods.Select(p => LateBy.OfPeriod(calendar, p.Dossier, p.Period)).ToArray(),
            ]);
    }
}
