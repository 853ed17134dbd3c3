using DossierTracker.Api.ReadReplica;
using DossierTracker.Reporting;
using Npgsql;

namespace DossierTracker.Api.Reports;

/// <summary>
/// The raw counts of form 06 by row key (unit or procedure) for report windows, in one round trip of four statements
/// per window (two round trips at once for a report and its compared period, see <see cref="CountsAsync"/>), generated from
/// <see cref="ReportCells"/>: flows (received, closed in the window) use the covering indexes on receipt and close;
/// stocks (carried over, in progress at the end) read only the phases that contain the window's first and last instant
/// (GiST), so the cost follows the window's activity, not history. All
/// four are answered from covering indexes. Decision 766's numerator (<see cref="Decision766"/>) is split the same way:
/// dossiers closed in the window by the close, those open at its end by the phase in force then (events strictly
/// before the end), both unless a second supplement request came before the end.
/// </summary>
public sealed class ReportCountsQuery(ReadSource reads)
{
    private static readonly ReportSource[] Sources = Enum.GetValues<ReportSource>();

    /// <summary>
    /// Counts by row key (the receiving unit's code, or the procedure code for rows by field and procedure) for each
    /// window, in order; each window with the receiving units whose dossiers count in it (attribution depends on the period).
    /// </summary>
    /// <remarks>
    /// Several windows (a report and its compared period) are counted in two halves on two connections at once, so a report with
    /// its compared period costs about one period's time rather than two (issue 15's goal: ≤ 1.5×). The windows are
    /// independent periods, so the two snapshots need not be one.
    /// </remarks>
    public async Task<IReadOnlyList<Dictionary<string, UnitMonthCounts>>> CountsAsync(IReadOnlyList<(ReportWindow Window, string[] Units)> windows,
        ReportRowsBy rowsBy, CancellationToken cancellationToken)
    {
        if (windows.Count == 1) return await reads.ReadAsync(source => CountInOneRoundTripAsync(source, windows, rowsBy, cancellationToken));
        var half = (windows.Count + 1) / 2;
        var halves = await Task.WhenAll(
            reads.ReadAsync(source => CountInOneRoundTripAsync(source, [.. windows.Take(half)], rowsBy, cancellationToken)),
            reads.ReadAsync(source => CountInOneRoundTripAsync(source, [.. windows.Skip(half)], rowsBy, cancellationToken)));
        return [.. halves[0], .. halves[1]];
    }

    private static async Task<IReadOnlyList<Dictionary<string, UnitMonthCounts>>> CountInOneRoundTripAsync(NpgsqlDataSource dataSource,
        IReadOnlyList<(ReportWindow Window, string[] Units)> windows,
        ReportRowsBy rowsBy, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        for (var w = 0; w < windows.Count; w++)
        {
            foreach (var source in Sources)
            {
                var command = new NpgsqlBatchCommand(Statement(source, rowsBy));
                command.Parameters.AddRange(ReportCells.Parameters(windows[w].Window, windows[w].Units));
                batch.BatchCommands.Add(command);
            }
        }

        var results = new List<Dictionary<string, UnitMonthCounts>>(windows.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var w = 0; w < windows.Count; w++)
        {
            var counts = new Dictionary<string, UnitMonthCounts>(StringComparer.Ordinal);
            foreach (var source in Sources)
            {
                var columns = ReportCells.CountedFrom(source);
                while (await reader.ReadAsync(cancellationToken))
                {
                    // A phase written before procedure_code existed has none until `projections rebuild`.
                    var key = reader.IsDBNull(0) ? "" : reader.GetString(0);
                    var row = counts.GetValueOrDefault(key, UnitMonthCounts.Zero);
                    for (var i = 0; i < columns.Count; i++) row = row.Plus(columns[i].Column, (int)reader.GetInt64(i + 1));
                    counts[key] = row;
                }
                await reader.NextResultAsync(cancellationToken);
            }
            results.Add(counts);
        }
        return results;
    }

    private static string Statement(ReportSource source, ReportRowsBy rowsBy)
    {
        var key = ReportCells.RowKey(source, rowsBy);
        var figures = string.Join(", ", ReportCells.CountedFrom(source).Select(c => $"count(*) filter (where {c.Filter})"));
        return $"""
            select {key}, {figures}
            from {ReportCells.From(source)}
            where {ReportCells.InWindow(source)} and {ReportCells.InUnits(source)}
            group by {key}
            """;
    }
}
