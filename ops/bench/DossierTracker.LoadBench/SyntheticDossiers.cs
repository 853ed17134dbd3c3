using System.Diagnostics;
using DossierTracker.Calendar;
using Npgsql;

namespace DossierTracker.LoadBench;

/// <summary>
/// A read-model store of N dossiers written straight into <c>tracker.dossiers</c> and <c>tracker.dossier_phases</c>, as
/// the projection would write them for simple stories: received, then resolved 0–6 days later, or (one in 50 of 2025's)
/// still open. 2025 holds the same 90,000 dossiers at every size (one every 350.4 s); the rest of the N precede it at
/// the same pace, so a bigger store only adds history. For read benchmarks only: no events are written.
/// </summary>
public sealed class SyntheticDossiers(NpgsqlDataSource database, string apiDll, string connectionString)
{
    public const int InYear = 90_000;

    // j numbers the dossiers from 2025's first (0): negative before it. Everything derives from j, so 2025 is identical
    // at every size. The clock is due 5 days after receipt; a close after 120 h is late, before 48 h early.
    private const string Fill =
        """
        with pairs as (select (row_number() over ()) - 1 as i, u, p from unnest(@units::text[], @procedures::text[]) as t(u, p)),
        n as (select count(*)::int as c from pairs),
        g as (
            select j, timestamptz '2024-12-31 17:00:00+00' + j * interval '350.4 seconds' as received_at,
                   (j >= 0 and j % 50 = 0) as open, (((j * 37) % 144) + 144) % 144 as hours
            from generate_series(@first::int, @last::int) j),
        d as (
            select 'BENCH-' || lpad((j + 10000000)::text, 8, '0') as code, pairs.u as unit_code, pairs.p as procedure_code,
                   case when ((j % 10) + 10) % 10 < 7 then 'online' else 'direct' end as channel, received_at,
                   received_at + interval '5 days' as due_at, open, hours,
                   case when open then null else received_at + hours * interval '1 hour' + interval '30 minutes' end as closed_at
            from g cross join n join pairs on pairs.i = ((g.j % n.c) + n.c) % n.c)
        """ + "\n" + InsertRows + "\nfrom d";

    /// <summary>The read-model rows of the dossiers of a preceding CTE (code, unit, procedure, channel, receipt, due, open, hours, closed_at).</summary>
    internal const string InsertRows =
        """
        insert into tracker.dossiers (code, unit_code, procedure_code, channel, status, received_at, original_due_at, due_at,
            due_learned_at, paused, completed_at, closed_at, result, closed_within_due, second_supplement_at, handler, apology_issued,
            new_appointment_at, tracker_late_for, version, state)
        select code, unit_code, procedure_code, channel, case when open then 'processing' else 'resolved' end, received_at, due_at, due_at,
               received_at, false, closed_at, closed_at,
               case when open then null when hours < 48 then 'early' when hours < 120 then 'on-time' else 'late' end,
               case when open then null else hours < 120 end, null, unit_code || '.cv1', false, null,
               case when open then due_at end, case when open then 2 else 4 end,
               jsonb_build_object('code', code, 'unitCode', unit_code, 'procedureCode', procedure_code, 'channel', initcap(channel),
                   'status', case when open then 'Processing' else 'Resolved' end, 'receivedAt', received_at, 'dueAt', due_at,
                   'originalDueAt', due_at, 'dueLearnedAt', received_at, 'completedAt', closed_at, 'closedAt', closed_at,
                   'isClosed', not open, 'isCompleted', not open, 'isPaused', false, 'handler', unit_code || '.cv1',
                   'phases', jsonb_build_array(jsonb_build_object('from', received_at, 'dueAt', due_at, 'isPaused', false)),
                   'supplementRequestedAt', jsonb_build_array(), 'version', case when open then 2 else 4 end)
        """;

    // One phase per dossier, due at the dossier's due time: its late_by (hours from that due time to completion) is the
    // dossier's, zero for those completed before it (everything but the late ones here).
    internal const string Phases =
        """
        insert into tracker.dossier_phases (code, unit_code, procedure_code, period, due_at, paused, second_supplement_at, late_by)
        select code, unit_code, procedure_code, tstzrange(received_at, closed_at, '(]'), due_at, false, null,
               case when completed_at is not null then coalesce(late_by, 0) end
        from tracker.dossiers
        """;

    /// <summary>Replaces the store with <paramref name="count"/> dossiers; indexes are dropped and rebuilt by <c>db-apply</c>.</summary>
    public async Task FillAsync(int count, IReadOnlyList<(string Unit, string Procedure)> receivers)
    {
        await ExecuteAsync("truncate tracker.dossiers, tracker.dossier_phases");
        // Loading into unindexed tables and indexing once is several times faster than maintaining six indexes per row.
        await ExecuteAsync("""
            do $$ declare i record; begin
              for i in select indexname from pg_indexes where schemaname = 'tracker' and tablename in ('dossiers', 'dossier_phases')
                       and indexname not like 'pkey%' and indexname not like '%_pkey' loop
                execute format('drop index tracker.%I', i.indexname);
              end loop; end $$
            """);
        await using (var fill = database.CreateCommand(Fill))
        {
            fill.CommandTimeout = 0;
            fill.Parameters.AddWithValue("units", receivers.Select(r => r.Unit).ToArray());
            fill.Parameters.AddWithValue("procedures", receivers.Select(r => r.Procedure).ToArray());
            fill.Parameters.AddWithValue("first", InYear - count);
            fill.Parameters.AddWithValue("last", InYear - 1);
            await fill.ExecuteNonQueryAsync();
        }
        await FillLateByAsync();
        await ExecuteAsync(Phases);
        await DbApplyAsync();
        // As autovacuum would have left a table written over years: visibility map set (index-only scans), statistics fresh.
        await ExecuteAsync("vacuum analyze tracker.dossiers");
        await ExecuteAsync("vacuum analyze tracker.dossier_phases");
    }

    /// <summary>
    /// The working hours from due time to completion the projection stores for the late list's order (the service's
    /// <c>LateBy.Hours</c>, with the default office hours and no calendar corrections), for the dossiers completed late:
    /// the only rows the list reads it from.
    /// </summary>
    public async Task FillLateByAsync()
    {
        var calendar = new WorkingCalendar(OfficeHours.Default, new HolidayCalendar());
        var lateBy = new List<(string Code, double Hours)>();
        await using (var read = database.CreateCommand("select code, due_at, completed_at from tracker.dossiers where result = 'late'"))
        {
            read.CommandTimeout = 0;
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lateBy.Add((reader.GetString(0), Math.Round(calendar.WorkingTimeBetween(reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)).TotalHours, 2)));
        }
        await using var connection = await database.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("create temp table late_by_fill (code text, late_by float8)", connection)) await create.ExecuteNonQueryAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("copy late_by_fill (code, late_by) from stdin (format binary)"))
        {
            foreach (var (code, hours) in lateBy)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(code, NpgsqlTypes.NpgsqlDbType.Text);
                await copy.WriteAsync(hours, NpgsqlTypes.NpgsqlDbType.Double);
            }
            await copy.CompleteAsync();
        }
        await using var update = new NpgsqlCommand("update tracker.dossiers d set late_by = f.late_by from late_by_fill f where d.code = f.code", connection) { CommandTimeout = 0 };
        await update.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The service's own schema migration, which recreates the indexes as <c>TrackerTables</c> defines them.</summary>
    public async Task DbApplyAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(apiDll)!, "../../..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { apiDll, "db-apply" },
            // No command timeout: building the indexes of 1,000,000 rows on a busy machine outlasts the default 30 s.
            Environment = { ["ConnectionStrings__Marten"] = connectionString + ";Command Timeout=0", ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("db-apply did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"db-apply failed (exit {process.ExitCode}):\n{await output}\n{await errors}");
    }
}
