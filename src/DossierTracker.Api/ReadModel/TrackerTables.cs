using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.ReadModel;

/// <summary>
/// Plain SQL tables next to Marten's, created and migrated by Marten (<c>db-apply</c>) as part of the store's schema.
/// </summary>
public static class TrackerTables
{
    public const string Schema = "tracker";

    public const string Dossiers = Schema + ".dossiers";
    public const string DossierPhases = Schema + ".dossier_phases";
    public const string IngestedEvents = Schema + ".ingested_events";

    public static IEnumerable<Table> All()
    {
        yield return DossiersTable();
        yield return DossierPhasesTable();
        yield return IngestedEventsTable();
    }

    /// <summary>One row per dossier: its current state, with the columns the lists and reports filter and sort on.</summary>
    /// <param name="name">Another name builds the same table beside the live one (an online rebuild).</param>
    internal static Table DossiersTable(string name = "dossiers")
    {
        var table = new Table(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("code").AsPrimaryKey();
        table.AddColumn<string>("unit_code").NotNull();
        table.AddColumn<string>("procedure_code").NotNull();
        table.AddColumn<string>("channel").NotNull();
        table.AddColumn<string>("status").NotNull();
        table.AddColumn("received_at", "timestamptz").NotNull();
        table.AddColumn("original_due_at", "timestamptz").NotNull();
        table.AddColumn("due_at", "timestamptz").NotNull();
        table.AddColumn("due_learned_at", "timestamptz").NotNull();
        table.AddColumn<bool>("paused").NotNull();
        table.AddColumn("completed_at", "timestamptz").AllowNulls();
        table.AddColumn("closed_at", "timestamptz").AllowNulls();
        table.AddColumn<string>("result").AllowNulls();
        table.AddColumn<bool>("closed_within_due").AllowNulls();
        table.AddColumn("second_supplement_at", "timestamptz").AllowNulls();
        table.AddColumn<string>("handler").AllowNulls();
        table.AddColumn<string>("handler_name").AllowNulls();
        table.AddColumn<bool>("apology_issued").NotNull();
        table.AddColumn("new_appointment_at", "timestamptz").AllowNulls();
        table.AddColumn("tracker_late_for", "timestamptz").AllowNulls();
        // Working hours from the due time to completion (LateBy), which the late list sorts on. Nullable so that
        // db-apply can add it to a filled table; `projections rebuild` then fills it.
        table.AddColumn<double>("late_by").AllowNulls();
        table.AddColumn<int>("version").NotNull();
        table.AddColumn("state", "jsonb").NotNull();

        // Covering indexes led by the unit: a report's flows in a period are answered from the index alone, one range
        // scan per unit of the scope (`unit_code = any(@units)`), so a province reads its own rows only, however many
        // provinces share the store. Time-first indexes held every province's rows of the period (issue 20: at 10M dossiers
        // over 5 provinces, 2.0M entries read to keep a province's 0.4M); a whole tree reads as many entries either way.
        table.Indexes.Add(new IndexDefinition("ix_dossiers_unit_received")
        {
            // Code too: a drill-down's page of receipts is chosen unit by unit from the index alone.
            Columns = ["unit_code", "received_at"], IncludeColumns = ["procedure_code", "channel", "code"],
        });
        // And by time alone for the whole tree, where there is no unit to test: a province's trend and overview read
        // their months from it (at 1M over one province, naming the 182 units instead took the trend from 85 to 166 ms
        // p95, ops/bench/results/issue-17-2026-12-05.md).
        table.Indexes.Add(new IndexDefinition("ix_dossiers_received_at") { Columns = ["received_at"], IncludeColumns = ["unit_code", "procedure_code", "channel"] });
        // Code and receipt too: a drill-down's page of closes is chosen by receipt among the period's closes, which the
        // index then yields alone instead of one visit to the wide rows per close (a year: ~430,000 at 1M dossiers).
        table.Indexes.Add(new IndexDefinition("ix_dossiers_unit_closed")
        {
            Columns = ["unit_code", "closed_at"],
            IncludeColumns = ["procedure_code", "result", "closed_within_due", "second_supplement_at", "completed_at", "code", "received_at"],
            Predicate = "closed_at is not null",
        });
        // The late list's completed part over the whole tree: its count in a completion range from the index alone.
        table.Indexes.Add(new IndexDefinition("ix_dossiers_completed_late")
        {
            Columns = ["completed_at"], IncludeColumns = ["unit_code", "procedure_code", "channel"], Predicate = "result = 'late'",
        });
        // The same part for some units (a province of a national store, a district): count and pages from the units'
        // own rows (one range scan per unit, then sorted), not from every late dossier of the store filtered by unit.
        table.Indexes.Add(new IndexDefinition("ix_dossiers_unit_completed_late")
        {
            Columns = ["unit_code", "completed_at"],
            IncludeColumns = ["procedure_code", "channel", "late_by", "due_at", "code", "received_at"],
            Predicate = "result = 'late'",
        });
        // The late list's completed part in its order (most late first, then due time, then code as .NET compares it:
        // a backward scan), with every column it filters on: a page of the whole tree is read from the index alone.
        table.Indexes.Add(new IndexDefinition("ix_dossiers_late_order")
        {
            Columns = ["late_by", "due_at desc", "code collate \"C\" desc"],
            IncludeColumns = ["unit_code", "procedure_code", "channel", "completed_at", "received_at"],
            Predicate = "result = 'late'",
        });
        // Open, running dossiers by due time: the late sweeper, "open now" and "due soon" all start here.
        table.Indexes.Add(new IndexDefinition("ix_dossiers_open_due") { Columns = ["due_at"], Predicate = "closed_at is null and not paused" });
        return table;
    }

    /// <summary>
    /// A dossier's history as periods (from, to] with the due time in force and whether the clock stood still.
    /// The GiST index finds the dossiers open at any instant without touching the rest of history. Each period also
    /// carries the dossier's second supplement request, so the 766 figure at an instant needs no other table.
    /// </summary>
    /// <param name="name">Another name builds the same table beside the live one (an online rebuild).</param>
    internal static Table DossierPhasesTable(string name = "dossier_phases")
    {
        var table = new Table(new PostgresqlObjectName(Schema, name, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("code").NotNull();
        table.AddColumn<string>("unit_code").NotNull();
        // The dossier's procedure, so that stocks group by procedure (and field) without a join to the wide rows.
        // Nullable only so that db-apply can add it to a filled table; `projections rebuild` then fills it.
        table.AddColumn<string>("procedure_code").AllowNulls();
        table.AddColumn("period", "tstzrange").NotNull();
        table.AddColumn("due_at", "timestamptz").NotNull();
        table.AddColumn<bool>("paused").NotNull();
        table.AddColumn("second_supplement_at", "timestamptz").AllowNulls();
        // Working hours from this period's due time to the dossier's completion (LateBy.OfPeriod): what the late list at
        // an instant in this period shows and sorts on once the dossier is completed, so that SQL sorts it. Null while
        // the dossier runs (and until `projections rebuild` fills rows written before the column existed).
        table.AddColumn<double>("late_by").AllowNulls();
        table.Indexes.Add(new IndexDefinition("ix_dossier_phases_code") { Columns = ["code"] });
        // "Open now" (the late list and the overview's count at a recent instant) without the GiST probe, which returns
        // every phase containing the instant, overdue or not: the running phases by due time, so that only the overdue
        // are read, and the ended phases by end, so that only those ended since the instant are (a day's worth).
        table.Indexes.Add(new IndexDefinition("ix_dossier_phases_running_due")
        {
            Columns = ["due_at"], IncludeColumns = ["code", "period", "late_by"], Predicate = "upper_inf(period) and not paused",
        });
        // Not partial (a running phase's end is null): the planner uses the statistics of an index's expression only when
        // the index is not partial. Without them it guessed a third of all phases ended after now and scanned the table
        // (at 10M: 2.4 s instead of 4 ms; ops/bench/results/national-2026-12-05-partial-index.md).
        table.Indexes.Add(new IndexDefinition("ix_dossier_phases_ended") { Columns = ["period"], Mask = "upper(?)" });
        table.Indexes.Add(new IndexDefinition("ix_dossier_phases_period")
        {
            Columns = ["period"], Method = IndexMethod.gist, IncludeColumns = ["unit_code", "procedure_code", "due_at", "paused", "second_supplement_at"],
        });
        return table;
    }

    /// <summary>The idempotency ledger: one row per accepted eventId, enforced by the primary key.</summary>
    private static Table IngestedEventsTable()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "ingested_events", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("event_id").AsPrimaryKey();
        table.AddColumn<string>("dossier_code").NotNull();
        table.AddColumn("fingerprint", "bytea").NotNull();
        table.AddColumn<int>("version").NotNull();
        table.AddColumn("recorded_at", "timestamptz").NotNull();
        return table;
    }
}
