using System.Text.Json;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.ReadModel;

/// <summary>
/// The columns of <c>tracker.dossiers</c> and how each is taken from a folded dossier: the one list that both the inline
/// projection's upsert (arrays) and the rebuild's binary COPY are generated from, so a new column is one line here
/// (plus its definition in <see cref="TrackerTables"/>).
/// </summary>
internal static class DossierRowSql
{
    public static readonly IReadOnlyList<DossierColumn> Columns =
    [
        DossierColumn.Of("code", NpgsqlDbType.Text, x => x.Code),
        DossierColumn.Of("unit_code", NpgsqlDbType.Text, x => x.UnitCode),
        DossierColumn.Of("procedure_code", NpgsqlDbType.Text, x => x.ProcedureCode),
        DossierColumn.Of("channel", NpgsqlDbType.Text, x => WireNames.Of(x.Channel)),
        DossierColumn.Of("status", NpgsqlDbType.Text, x => WireNames.Of(x.Status)),
        DossierColumn.Of("received_at", NpgsqlDbType.TimestampTz, x => Utc(x.ReceivedAt)),
        DossierColumn.Of("original_due_at", NpgsqlDbType.TimestampTz, x => Utc(x.OriginalDueAt)),
        DossierColumn.Of("due_at", NpgsqlDbType.TimestampTz, x => Utc(x.DueAt)),
        DossierColumn.Of("due_learned_at", NpgsqlDbType.TimestampTz, x => Utc(x.DueLearnedAt)),
        DossierColumn.Of("paused", NpgsqlDbType.Boolean, x => x.IsPaused),
        DossierColumn.Of("completed_at", NpgsqlDbType.TimestampTz, x => Utc(x.CompletedAt)),
        DossierColumn.Of("closed_at", NpgsqlDbType.TimestampTz, x => Utc(x.ClosedAt)),
        DossierColumn.Of("result", NpgsqlDbType.Text, x => x.Result is { } r ? WireNames.Of(r) : null),
        DossierColumn.Of("closed_within_due", NpgsqlDbType.Boolean, x => x.ClosedWithinDue),
        DossierColumn.Of("second_supplement_at", NpgsqlDbType.TimestampTz, x => Utc(x.SecondSupplementRequestAt)),
        DossierColumn.Of("handler", NpgsqlDbType.Text, x => x.Handler),
        DossierColumn.Of("handler_name", NpgsqlDbType.Text, x => x.HandlerName),
        DossierColumn.Of("apology_issued", NpgsqlDbType.Boolean, x => x.Apology?.Issued ?? false),
        DossierColumn.Of("new_appointment_at", NpgsqlDbType.TimestampTz, x => Utc(x.Apology?.NewAppointmentAt)),
        DossierColumn.Of("tracker_late_for", NpgsqlDbType.TimestampTz, x => Utc(x.TrackerLateFor)),
        DossierColumn.Of("late_by", NpgsqlDbType.Double, LateBy.AtCompletion),
        DossierColumn.Of("version", NpgsqlDbType.Integer, x => x.Version),
        DossierColumn.Of("state", NpgsqlDbType.Jsonb, x => JsonSerializer.Serialize(x, StateJson.Options)),
    ];

    private static readonly string Names = string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>The inline projection's upsert into the live table.</summary>
    public static readonly string Upsert = UpsertInto(TrackerTables.Dossiers);

    /// <summary>One statement over one array per column (Marten's positional parameters, in <see cref="Columns"/> order).</summary>
    public static string UpsertInto(string table) =>
        $"""
        insert into {table} ({Names})
        select {string.Join(", ", Columns.Select(c => $"r.{c.Name}::{c.SqlType}"))}
        from unnest({string.Join(", ", Columns.Select(_ => "?"))}) as r({Names})
        on conflict (code) do update set {string.Join(", ", Columns.Skip(1).Select(c => $"{c.Name} = excluded.{c.Name}"))}
        """;

    public static object[] Parameters(IReadOnlyList<Dossier> dossiers, WorkingCalendar calendar) => Columns.Select(c => c.ArrayOf(dossiers, calendar)).ToArray();

    /// <summary>The binary COPY statement into <paramref name="table"/>, columns in <see cref="Columns"/> order.</summary>
    public static string CopyInto(string table) => $"copy {table} ({Names}) from stdin (format binary)";

    /// <summary>Writes one dossier as one row of a COPY opened with <see cref="CopyInto"/>.</summary>
    public static async Task WriteRowAsync(NpgsqlBinaryImporter importer, Dossier dossier, WorkingCalendar calendar, CancellationToken cancellation)
    {
        await importer.StartRowAsync(cancellation);
        foreach (var column in Columns) await column.WriteAsync(importer, dossier, calendar, cancellation);
    }

    /// <summary>Npgsql writes timestamptz only from instants at offset zero.</summary>
    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static DateTimeOffset? Utc(DateTimeOffset? value) => value?.ToUniversalTime();
}

/// <summary>
/// One column of <c>tracker.dossiers</c>: its name, its type and its value for a dossier (some count working time, so
/// the value may read the working calendar).
/// </summary>
internal abstract class DossierColumn(string name, NpgsqlDbType type)
{
    public string Name { get; } = name;

    /// <summary>The PostgreSQL type name the unnest of the upsert casts to (Marten sends strings as text).</summary>
    public string SqlType { get; } = type switch
    {
        NpgsqlDbType.Text => "text",
        NpgsqlDbType.TimestampTz => "timestamptz",
        NpgsqlDbType.Boolean => "boolean",
        NpgsqlDbType.Integer => "integer",
        NpgsqlDbType.Double => "double precision",
        NpgsqlDbType.Jsonb => "jsonb",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Add the type's SQL name here."),
    };

    protected NpgsqlDbType Type { get; } = type;

    public static DossierColumn Of<T>(string name, NpgsqlDbType type, Func<Dossier, T> value) => new Typed<T>(name, type, (dossier, _) => value(dossier));

    public static DossierColumn Of<T>(string name, NpgsqlDbType type, Func<WorkingCalendar, Dossier, T> value) =>
        new Typed<T>(name, type, (dossier, calendar) => value(calendar, dossier));

    public abstract object ArrayOf(IReadOnlyList<Dossier> dossiers, WorkingCalendar calendar);

    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, Dossier dossier, WorkingCalendar calendar, CancellationToken cancellation);

    private sealed class Typed<T>(string name, NpgsqlDbType type, Func<Dossier, WorkingCalendar, T> value) : DossierColumn(name, type)
    {
        public override object ArrayOf(IReadOnlyList<Dossier> dossiers, WorkingCalendar calendar)
        {
            var values = new T[dossiers.Count];
            for (var i = 0; i < values.Length; i++) values[i] = value(dossiers[i], calendar);
            return values;
        }

        public override Task WriteAsync(NpgsqlBinaryImporter importer, Dossier dossier, WorkingCalendar calendar, CancellationToken cancellation) =>
            value(dossier, calendar) is { } v ? importer.WriteAsync(v, Type, cancellation) : importer.WriteNullAsync(cancellation);
    }
}
