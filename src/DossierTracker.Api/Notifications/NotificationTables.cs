using DossierTracker.Api.ReadModel;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace DossierTracker.Api.Notifications;

/// <summary>
/// <c>tracker.sent_notices</c>: one row per email that is meant to exist once — a digest per (subscription, working
/// day), an alert per (subscription, dossier, due time) — whose primary key a sender claims before talking to the SMTP
/// server, and whose status the admin page shows. <c>tracker.digest_days</c>: one row per working day whose digests
/// were handed out, so the scheduler does it once whichever node runs it and however often it looks.
/// </summary>
public static class NotificationTables
{
    public const string SentNotices = TrackerTables.Schema + ".sent_notices";
    public const string DigestDays = TrackerTables.Schema + ".digest_days";

    public static IEnumerable<Table> All()
    {
        var notices = new Table(new PostgresqlObjectName(TrackerTables.Schema, "sent_notices", SchemaUtils.IdentifierUsage.General));
        notices.AddColumn<string>("key").AsPrimaryKey();
        notices.AddColumn<string>("kind").NotNull();
        notices.AddColumn<string>("recipient").NotNull();
        notices.AddColumn<string>("subject").NotNull();
        notices.AddColumn<string>("status").NotNull();
        notices.AddColumn<int>("attempts").NotNull();
        notices.AddColumn<string>("last_error").AllowNulls();
        notices.AddColumn("created_at", "timestamptz").NotNull();
        notices.AddColumn("updated_at", "timestamptz").NotNull();
        notices.Indexes.Add(new IndexDefinition("ix_sent_notices_updated_at") { Columns = ["updated_at"] });
        yield return notices;

        var days = new Table(new PostgresqlObjectName(TrackerTables.Schema, "digest_days", SchemaUtils.IdentifierUsage.General));
        days.AddColumn("day", "date").AsPrimaryKey();
        days.AddColumn("handed_out_at", "timestamptz").NotNull();
        yield return days;
    }
}
