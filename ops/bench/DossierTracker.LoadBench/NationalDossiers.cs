using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// The national stage's synthetic read model (issue 20): N dossiers spread evenly over five years (2021–2025) and over
/// every (unit, procedure) pair of several provinces, written straight into <c>tracker.dossiers</c> and
/// <c>tracker.dossier_phases</c> with <c>generate_series</c> as <see cref="SyntheticDossiers"/> writes them: received, due
/// 5 days later, resolved 0.5–143.5 h later; one in 50 of the last 30 days' dossiers still open (late by now). Indexes
/// are dropped for the load and rebuilt by the service's own <c>db-apply</c>. For read benchmarks: no events.
/// </summary>
public sealed class NationalDossiers(NpgsqlDataSource database, SyntheticDossiers store)
{
    public static readonly DateTimeOffset First = new(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset End = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private const string Fill =
        """
        with pairs as (select (row_number() over ()) - 1 as i, u, p from unnest(@units::text[], @procedures::text[]) as t(u, p)),
        n as (select count(*)::int as c from pairs),
        g as (
            select j, @first::timestamptz + j * @step * interval '1 second' as received_at, (((j * 37) % 144) + 144) % 144 as hours
            from generate_series(@from::bigint, @to::bigint) j),
        d as (
            select 'NAT-' || lpad(j::text, 9, '0') as code, pairs.u as unit_code, pairs.p as procedure_code,
                   case when j % 10 < 7 then 'online' else 'direct' end as channel, received_at,
                   received_at + interval '5 days' as due_at, (received_at >= @openFrom and j % 50 = 0) as open, hours
            from g cross join n join pairs on pairs.i = g.j % n.c),
        c as (select d.*, case when open then null else received_at + hours * interval '1 hour' + interval '30 minutes' end as closed_at from d)
        """ + "\n" + SyntheticDossiers.InsertRows + "\nfrom c";

    /// <summary>Seconds between two receipts: the five years over <paramref name="count"/> dossiers.</summary>
    public static double Step(long count) => (End - First).TotalSeconds / count;

    /// <summary>Fills the empty store with <paramref name="count"/> dossiers, in slices (one statement each, so progress shows).</summary>
    public async Task FillAsync(long count, IReadOnlyList<(string Unit, string Procedure)> receivers, Action<string> progress)
    {
        await store.ExecuteAsync("truncate tracker.dossiers, tracker.dossier_phases");
        await store.ExecuteAsync("""
            do $$ declare i record; begin
              for i in select indexname from pg_indexes where schemaname = 'tracker' and tablename in ('dossiers', 'dossier_phases')
                       and indexname not like 'pkey%' and indexname not like '%_pkey' loop
                execute format('drop index tracker.%I', i.indexname);
              end loop; end $$
            """);
        // Slices of a million, two at a time: each statement is one backend on one core, and the machine has two.
        const long Slice = 1_000_000;
        var written = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, (int)((count + Slice - 1) / Slice)), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (slice, _) =>
        {
            var from = slice * Slice;
            await using var fill = database.CreateCommand(Fill);
            fill.CommandTimeout = 0;
            fill.Parameters.AddWithValue("units", receivers.Select(r => r.Unit).ToArray());
            fill.Parameters.AddWithValue("procedures", receivers.Select(r => r.Procedure).ToArray());
            fill.Parameters.AddWithValue("first", First.ToUniversalTime());
            fill.Parameters.AddWithValue("step", Step(count));
            fill.Parameters.AddWithValue("from", from);
            fill.Parameters.AddWithValue("to", Math.Min(count, from + Slice) - 1);
            fill.Parameters.AddWithValue("openFrom", End.AddDays(-30).ToUniversalTime());
            await fill.ExecuteNonQueryAsync();
            progress($"{Interlocked.Add(ref written, Math.Min(count, from + Slice) - from):N0} dossiers written");
        });
        await store.FillLateByAsync();
        progress("late_by computed; writing the phases");
        await store.ExecuteAsync(SyntheticDossiers.Phases);
        progress("phases written; indexing (db-apply)");
        await store.DbApplyAsync();
        progress("indexed; vacuum analyze");
        await store.ExecuteAsync("vacuum analyze tracker.dossiers");
        await store.ExecuteAsync("vacuum analyze tracker.dossier_phases");
    }
}
