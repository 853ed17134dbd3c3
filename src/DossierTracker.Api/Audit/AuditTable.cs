using DossierTracker.Api.ReadModel;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Weasel.Postgresql.Triggers;

namespace DossierTracker.Api.Audit;

/// <summary>
/// <c>tracker.audit_entries</c>: a plain table written only by INSERT, and a trigger that refuses every UPDATE and
/// DELETE, so not even a hand-written statement rewrites the trail. A table rather than Marten event streams because
/// reading is the point: the audit page filters by time, unit scope, action and actor and pages, which indexes on
/// columns answer directly; events would need a projection into such a table anyway. TRUNCATE (the owner wiping the
/// whole database, as tests do between scenarios) is not a rewrite of entries and stays possible.
/// </summary>
public static class AuditTable
{
    public const string Name = TrackerTables.Schema + ".audit_entries";
    private const string RefuseRewrite = TrackerTables.Schema + ".refuse_audit_rewrite";

    public static IEnumerable<ISchemaObject> All()
    {
        yield return Table();
        yield return Function.ForSql(
            $"""
            CREATE OR REPLACE FUNCTION {RefuseRewrite}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit entries are never rewritten: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            """);
        yield return new Trigger($"{TrackerTables.Schema}.audit_entries_append_only", Name, $"{RefuseRewrite}()")
        {
            Timing = TriggerTiming.Before,
            Events = TriggerEvents.Update | TriggerEvents.Delete,
            ForEachRow = true,
        };
    }

    private static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(TrackerTables.Schema, "audit_entries", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn("at", "timestamptz").NotNull();
        table.AddColumn<string>("actor_kind").NotNull();
        table.AddColumn<string>("actor_id").NotNull();
        table.AddColumn<string>("actor_name").AllowNulls();
        table.AddColumn<string>("action").NotNull();
        table.AddColumn<string>("unit_code").AllowNulls();
        table.AddColumn<string>("subject").AllowNulls();
        table.AddColumn("before", "jsonb").AllowNulls();
        table.AddColumn("after", "jsonb").AllowNulls();
        table.AddColumn<string>("reason").AllowNulls();
        // Newest first, within a unit scope or by one actor: what the audit page asks.
        table.Indexes.Add(new IndexDefinition("ix_audit_entries_at") { Columns = ["at", "id"] });
        table.Indexes.Add(new IndexDefinition("ix_audit_entries_unit_at") { Columns = ["unit_code", "at"] });
        table.Indexes.Add(new IndexDefinition("ix_audit_entries_actor_at") { Columns = ["actor_id", "at"] });
        return table;
    }
}
