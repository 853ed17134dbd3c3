using DossierTracker.Api.ReadModel;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.Notifications.Webhooks;

/// <summary>
/// The webhooks' three tables. Plain tables rather than Marten documents, because each is read by a query that needs
/// its own unique key or index: the due-soon notices' key makes a notice exactly once per (dossier, due time) whatever
/// the number of sweeps or nodes; the deliveries' key makes a notice reach a webhook once, and their (webhook, dossier,
/// position) index is the order in which a dossier's notices are delivered.
/// </summary>
public static class WebhookTables
{
    public const string Webhooks = TrackerTables.Schema + ".webhooks";
    public const string DueSoonNotices = TrackerTables.Schema + ".due_soon_notices";
    public const string Deliveries = TrackerTables.Schema + ".webhook_deliveries";

    public static IEnumerable<ISchemaObject> All()
    {
        var webhooks = new Table(new PostgresqlObjectName(TrackerTables.Schema, "webhooks", SchemaUtils.IdentifierUsage.General));
        webhooks.AddColumn<Guid>("id").AsPrimaryKey();
        webhooks.AddColumn<string>("url").NotNull();
        webhooks.AddColumn<string>("unit_code").NotNull();
        webhooks.AddColumn("events", "text[]").NotNull();
        webhooks.AddColumn<string>("protected_secret").NotNull();
        webhooks.AddColumn("created_at", "timestamptz").NotNull();
        webhooks.AddColumn("removed_at", "timestamptz").AllowNulls();
        yield return webhooks;

        var notices = new Table(new PostgresqlObjectName(TrackerTables.Schema, "due_soon_notices", SchemaUtils.IdentifierUsage.General));
        notices.AddColumn<string>("dossier_code").AsPrimaryKey();
        notices.AddColumn("due_at", "timestamptz").AsPrimaryKey();
        notices.AddColumn("noticed_at", "timestamptz").NotNull();
        yield return notices;

        var deliveries = new Table(new PostgresqlObjectName(TrackerTables.Schema, "webhook_deliveries", SchemaUtils.IdentifierUsage.General));
        deliveries.AddColumn<Guid>("id").AsPrimaryKey();
        deliveries.AddColumn<Guid>("webhook_id").NotNull();
        deliveries.AddColumn<Guid>("notice_id").NotNull();
        deliveries.AddColumn<string>("kind").NotNull();
        deliveries.AddColumn<string>("dossier_code").NotNull();
        deliveries.AddColumn<int>("position").NotNull();
        deliveries.AddColumn<string>("body").NotNull();
        deliveries.AddColumn<string>("status").NotNull();
        deliveries.AddColumn<int>("attempts").NotNull();
        deliveries.AddColumn<string>("last_error").AllowNulls();
        deliveries.AddColumn("created_at", "timestamptz").NotNull();
        deliveries.AddColumn("last_attempt_at", "timestamptz").AllowNulls();
        deliveries.AddColumn("delivered_at", "timestamptz").AllowNulls();
        deliveries.Indexes.Add(new IndexDefinition("ux_webhook_deliveries_notice") { Columns = ["webhook_id", "notice_id"], IsUnique = true });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_chain") { Columns = ["webhook_id", "dossier_code", "position"] });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_created") { Columns = ["webhook_id", "created_at"] });
        yield return deliveries;
    }
}
