using System.Threading.Channels;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.ReadModel;

/// <summary>
/// Writes folded dossiers as read-model rows with binary COPY: one row per dossier (the columns of
/// <see cref="DossierRowSql"/>) and one per period of its history (<see cref="DossierPeriod"/>). COPY is the fastest way
/// into PostgreSQL (about 260,000 rows/s on these machines); it only inserts, so the tables must not hold these dossiers yet.
/// </summary>
public static class ReadModelCopy
{
    private const string PhaseColumns = "code, unit_code, procedure_code, period, due_at, paused, second_supplement_at, late_by";

    /// <summary>Copies the rows of <paramref name="dossiers"/> on the caller's connection (and transaction, if one is open).</summary>
    /// <returns>How many dossier rows were written.</returns>
    public static async Task<long> WriteAsync(NpgsqlConnection connection, IEnumerable<Dossier> dossiers, WorkingCalendar calendar,
        string dossiersTable = TrackerTables.Dossiers, string phasesTable = TrackerTables.DossierPhases, CancellationToken cancellation = default)
    {
        var written = new List<Dossier>();
        await using (var rows = await connection.BeginBinaryImportAsync(DossierRowSql.CopyInto(dossiersTable), cancellation))
        {
            foreach (var dossier in dossiers)
            {
                await DossierRowSql.WriteRowAsync(rows, dossier, calendar, cancellation);
                written.Add(dossier);
            }
            await rows.CompleteAsync(cancellation);
        }

        await using (var phases = await BeginPhasesAsync(connection, phasesTable, cancellation))
        {
            foreach (var dossier in written) await WritePhasesAsync(phases, dossier, calendar, cancellation);
            await phases.CompleteAsync(cancellation);
        }
        return written.Count;
    }

    /// <summary>
    /// Copies dossiers as they come, both tables at once on two connections (no transaction: for tables nobody reads
    /// yet), so that PostgreSQL takes the rows of both while the caller is still producing the next dossiers.
    /// </summary>
    /// <returns>How many dossier rows were written.</returns>
    public static async Task<long> StreamAsync(NpgsqlConnection dossiersConnection, NpgsqlConnection phasesConnection, ChannelReader<Dossier[]> dossiers,
        WorkingCalendar calendar, string dossiersTable, string phasesTable, CancellationToken cancellation)
    {
        long written = 0;
        await using var rows = await dossiersConnection.BeginBinaryImportAsync(DossierRowSql.CopyInto(dossiersTable), cancellation);
        await using var phases = await BeginPhasesAsync(phasesConnection, phasesTable, cancellation);
        await foreach (var batch in dossiers.ReadAllAsync(cancellation))
        {
            foreach (var dossier in batch)
            {
                await DossierRowSql.WriteRowAsync(rows, dossier, calendar, cancellation);
                await WritePhasesAsync(phases, dossier, calendar, cancellation);
            }
            written += batch.Length;
        }
        await rows.CompleteAsync(cancellation);
        await phases.CompleteAsync(cancellation);
        return written;
    }

    private static Task<NpgsqlBinaryImporter> BeginPhasesAsync(NpgsqlConnection connection, string phasesTable, CancellationToken cancellation) =>
        connection.BeginBinaryImportAsync($"copy {phasesTable} ({PhaseColumns}) from stdin (format binary)", cancellation);

    private static async Task WritePhasesAsync(NpgsqlBinaryImporter phases, Dossier dossier, WorkingCalendar calendar, CancellationToken cancellation)
    {
        var secondSupplement = dossier.SecondSupplementRequestAt?.ToUniversalTime();
        foreach (var period in DossierPeriod.Of(dossier))
        {
            await phases.StartRowAsync(cancellation);
            await phases.WriteAsync(dossier.Code, NpgsqlDbType.Text, cancellation);
            await phases.WriteAsync(dossier.UnitCode, NpgsqlDbType.Text, cancellation);
            await phases.WriteAsync(dossier.ProcedureCode, NpgsqlDbType.Text, cancellation);
            await phases.WriteAsync(Range(period), NpgsqlDbType.TimestampTzRange, cancellation);
            await phases.WriteAsync(period.DueAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellation);
            await phases.WriteAsync(period.Paused, NpgsqlDbType.Boolean, cancellation);
            if (secondSupplement is { } at) await phases.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellation);
            else await phases.WriteNullAsync(cancellation);
            if (LateBy.OfPeriod(calendar, dossier, period) is { } lateBy) await phases.WriteAsync(lateBy, NpgsqlDbType.Double, cancellation);
            else await phases.WriteNullAsync(cancellation);
        }
    }

    /// <summary>The period as the projection writes it: <c>tstzrange(from, to, '(]')</c>, unbounded above while open.</summary>
    private static NpgsqlRange<DateTime> Range(DossierPeriod period) =>
        new(period.From.UtcDateTime, lowerBoundIsInclusive: false, lowerBoundInfinite: false,
            period.To?.UtcDateTime ?? default, upperBoundIsInclusive: period.To is not null, upperBoundInfinite: period.To is null);
}
