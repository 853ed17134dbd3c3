using DossierTracker.Api.ReadReplica;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Organisation;
using DossierTracker.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>
/// Lists the dossiers of one cell with SQL built from <see cref="ReportCells"/>, the same parts the report counts, so
/// the list's total is the cell. The cell is the union of its parts (which never share a dossier). A page is chosen
/// from the parts' own (code, receipt) pairs, ordered by receipt then code (ordinal), before anything else is read; only
/// that page is joined to what the items show: the due time the dossier was judged by (the phase in force at the
/// window's end while open, else the due time at its close) and whether it is in the same row's <c>onTime766</c> cell.
/// </summary>
public sealed class ReportDrilldown(ReadSource reads)
{
    private const string ProceduresParameter = "procedures";

    public Task<DrilldownPage> PageAsync(UnitScope scope, DrilldownRow row, ReportColumn column, ReportWindow window, Http.ListPaging paging,
        ReferenceDataSnapshot snapshot, CancellationToken cancellationToken) =>
        reads.ReadAsync(source => PageAsync(source, scope, row, column, window, paging, snapshot, cancellationToken));

    private static async Task<DrilldownPage> PageAsync(NpgsqlDataSource dataSource, UnitScope scope, DrilldownRow row, ReportColumn column,
        ReportWindow window, Http.ListPaging paging, ReferenceDataSnapshot snapshot, CancellationToken cancellationToken)
    {
        var onTime = string.Join(" or ", ReportCells.Of(ReportColumn.OnTime766).Select(part =>
            $"exists (select 1 from {ReportCells.From(part.Source)} where {ReportCells.Alias(part.Source)}.code = pg.code and {part.Where} and {RowFilter(part.Source, row)})"));

        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"select count(*) from ({CellSql(column, row)}) cell", scope, row, window, snapshot));
        var page = Command(
            $"""
            with page as (
                select cell.code from ({PageCandidatesSql(column, row)}) cell
                order by cell.received_at, cell.code collate "C"
                limit @limit offset @offset)
            select pg.code, pg.unit_code, pg.procedure_code, pg.channel, pg.received_at,
                   coalesce((select e.due_at from {TrackerTables.DossierPhases} e where e.code = pg.code and e.period @> @end), pg.due_at),
                   pg.completed_at, pg.closed_at, pg.result, {onTime}
            from page join {TrackerTables.Dossiers} pg on pg.code = page.code
            order by pg.received_at, pg.code collate "C"
            """, scope, row, window, snapshot);
        page.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = paging.PageSize });
        page.Parameters.Add(new NpgsqlParameter("offset", NpgsqlDbType.Bigint) { Value = paging.Offset });
        batch.BatchCommands.Add(page);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<DrilldownItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // Completion, close and result as of the window's end: a later close is not part of this report.
            var closedInWindow = !reader.IsDBNull(7) && reader.GetFieldValue<DateTimeOffset>(7) < window.End;
            WireNames.TryParse<Channel>(reader.GetString(3), out var channel);
            CompletionResult? result = closedInWindow && !reader.IsDBNull(8) && WireNames.TryParse<CompletionResult>(reader.GetString(8), out var r) ? r : null;
            var unitCode = reader.GetString(1);
            items.Add(new DrilldownItem(
                reader.GetString(0), unitCode, snapshot.Units.Find(unitCode)?.Name, reader.GetString(2), channel,
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                closedInWindow && !reader.IsDBNull(6) ? reader.GetFieldValue<DateTimeOffset>(6) : null,
                closedInWindow ? reader.GetFieldValue<DateTimeOffset>(7) : null,
                result, reader.GetBoolean(9)));
        }
        return new DrilldownPage(total, paging.Page, paging.PageSize, items);
    }

    /// <summary>The codes of the cell's dossiers: the union of its parts, each restricted to the row.</summary>
    private static string CellSql(ReportColumn column, DrilldownRow row) =>
        string.Join(" union all ", ReportCells.Of(column).Select(part =>
            $"select {ReportCells.Alias(part.Source)}.code from {ReportCells.From(part.Source)} where {part.Where} and {RowFilter(part.Source, row)}"));

    /// <summary>
    /// The cell's (code, receipt) pairs from which a page is chosen, shaped so that the page's cost follows the window's
    /// activity rather than history or the cell's size. Receipts arrive in receipt order from their index led by the
    /// unit, unit by unit: each unit gives at most the page's end of its first receipts (one short range scan each), and
    /// the page is cut from their merge, instead of sorting every receipt of the window. Closes and stocks are read
    /// whole, each behind a fence (<c>offset 0</c>) so that the planner cannot swap their window's index for a walk of the
    /// receipt index from the beginning of history: the closes of the window, or the few dossiers open at an instant
    /// (whose receipt is on their dossier's row).
    /// </summary>
    private static string PageCandidatesSql(ReportColumn column, DrilldownRow row) =>
        string.Join(" union all ", ReportCells.Of(column).Select(part =>
        {
            var where = $"where {part.Where} and {RowFilter(part.Source, row)}";
            return part.Source switch
            {
                ReportSource.Receipts =>
                    $"""
                    (select r.code, r.received_at from unnest(@{ReportCells.UnitsParameter}) as u(unit_code) cross join lateral (
                        select d.code, d.received_at from {ReportCells.From(part.Source)}
                        {where} and d.unit_code = u.unit_code
                        order by d.received_at, d.code collate "C" limit @limit + @offset) r)
                    """,
                ReportSource.Closes =>
                    $"(select code, received_at from (select d.code, d.received_at from {ReportCells.From(part.Source)} {where} offset 0) closes)",
                _ =>
                    $"(select code, received_at from (select p.code, r.received_at from {ReportCells.From(part.Source)} join {TrackerTables.Dossiers} r on r.code = p.code {where} offset 0) stock)",
            };
        }));

    /// <summary>
    /// A field or procedure row as a condition on the procedure. A unit or subtotal row needs none: its units alone are the
    /// report's <c>@units</c>. The row of procedures without a field holds every procedure not named under a field, as the report's
    /// rows by field group them.
    /// </summary>
    private static string RowFilter(ReportSource source, DrilldownRow row) => row switch
    {
        DrilldownRow.OfField { FieldCode: null } => $"{ReportCells.Alias(source)}.procedure_code not in (select unnest(@{ProceduresParameter}))",
        DrilldownRow.OfField or DrilldownRow.OfProcedure => $"{ReportCells.Alias(source)}.procedure_code in (select unnest(@{ProceduresParameter}))",
        _ => "true",
    };

    private static NpgsqlBatchCommand Command(string sql, UnitScope scope, DrilldownRow row, ReportWindow window, ReferenceDataSnapshot snapshot)
    {
        var command = new NpgsqlBatchCommand(sql);
        // A unit row lists the dossiers counted for that unit in the period: its own and those of its predecessors that
        // it took over before the period began (contract v2, "Drill-down").
        var from = VietnamTime.LocalDate(window.Start);
        var counted = scope.CountedCodes(snapshot.Units, from);
        // A subtotal row, likewise, those counted for the units of its level.
        string[] units = row switch
        {
            DrilldownRow.OfUnit unit => [.. counted.Where(code => snapshot.Units.CountingUnit(code, from) == unit.UnitCode)],
            DrilldownRow.OfLevel level => [.. counted.Where(code => snapshot.Units.Find(snapshot.Units.CountingUnit(code, from))?.Level == level.Level)],
            _ => counted,
        };
        command.Parameters.AddRange(ReportCells.Parameters(window, units));
        command.Parameters.Add(new NpgsqlParameter(ProceduresParameter, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = Procedures(row, snapshot) });
        return command;
    }

    /// <summary>The procedures of a field row (for the row without a field: those that have one) or of a procedure row.</summary>
    private static string[] Procedures(DrilldownRow row, ReferenceDataSnapshot snapshot) => row switch
    {
        DrilldownRow.OfField { FieldCode: null } => [.. snapshot.Procedures.Values.Where(p => p.Field is not null).Select(p => p.Code)],
        DrilldownRow.OfField field => [.. snapshot.Procedures.Values.Where(p => p.Field?.Code == field.FieldCode).Select(p => p.Code)],
        DrilldownRow.OfProcedure procedure => [procedure.ProcedureCode],
        _ => [],
    };
}
