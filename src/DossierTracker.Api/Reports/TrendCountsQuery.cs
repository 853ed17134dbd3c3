using DossierTracker.Api.ReadReplica;
using DossierTracker.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Reports;

/// <summary>
/// The trend's counts: each month's figures over the whole scope, every month in one grouped statement (the same
/// <see cref="ReportCells"/> as form 06, with the window's bounds taken from a row per month instead of parameters).
/// PostgreSQL probes the indexes once per month inside that statement; the dashboard's overview thus sends one
/// statement for a trend of any length, not three or four per month.
/// </summary>
public sealed class TrendCountsQuery(ReadSource reads)
{
    private static readonly ReportSource[] Sources = Enum.GetValues<ReportSource>();

    private static readonly int Width = Sources.Max(source => ReportCells.CountedFrom(source).Count);

    private static readonly string Statement = Build(wholeTree: false);

    /// <summary>The same sums without a unit: each window's count over every dossier, one row per source and window.</summary>
    private static readonly string WholeTreeStatement = Build(wholeTree: true);

    /// <summary>
    /// The figures of each window, in order, each counting the dossiers received by its own units (attribution depends
    /// on the month, so a merger changes the units from one month to the next).
    /// </summary>
    /// <param name="wholeTree">
    /// Every window's units are every unit of the tree (a province's supervisor): every dossier's unit is in the tree, so
    /// the counts need neither the unit semi-join nor a group per unit, which were most of the trend's time (at 1M, 12
    /// months: 9 of the 12 ms per month of receipts, the index-only scan the rest). Closes still name the units, as the
    /// condition that lets their unit-led index be read (one range scan per unit).
    /// </param>
    public Task<IReadOnlyList<UnitMonthCounts>> CountsAsync(IReadOnlyList<(ReportWindow Window, string[] Units)> windows, bool wholeTree,
        CancellationToken cancellationToken) =>
        reads.ReadAsync(source => CountsAsync(source, windows, wholeTree, cancellationToken));

    private static async Task<IReadOnlyList<UnitMonthCounts>> CountsAsync(NpgsqlDataSource dataSource,
        IReadOnlyList<(ReportWindow Window, string[] Units)> windows, bool wholeTree, CancellationToken cancellationToken)
    {
        var probeStart = windows.Select((_, w) => !StartsWherePreviousEnded(windows, w)).ToArray();
        await using var command = dataSource.CreateCommand(wholeTree ? WholeTreeStatement : Statement);
        command.Parameters.Add(new NpgsqlParameter("window_starts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.Window.Start.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("window_ends", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = windows.Select(w => w.Window.End.ToUniversalTime()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("window_probes_start", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = probeStart });
        command.Parameters.Add(new NpgsqlParameter(ReportCells.UnitsParameter, NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = windows.SelectMany(w => w.Units).Distinct(StringComparer.Ordinal).ToArray(),
        });
        if (!wholeTree)
        {
            command.Parameters.Add(new NpgsqlParameter("unit_windows", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
            {
                Value = windows.SelectMany((w, i) => w.Units.Select(_ => (long)i + 1)).ToArray(),
            });
            command.Parameters.Add(new NpgsqlParameter("unit_codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = windows.SelectMany(w => w.Units).ToArray() });
        }

        var counts = windows.Select(_ => UnitMonthCounts.Zero).ToArray();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var figures = ReportCells.CountedFrom((ReportSource)reader.GetInt32(0));
                var w = (int)reader.GetInt64(1) - 1;
                for (var i = 0; i < figures.Count; i++) counts[w] = counts[w].Plus(figures[i].Column, (int)reader.GetInt64(2 + i));
            }
        }
        // A month that starts where the one before ended carries over what was open at that end.
        for (var w = 0; w < windows.Count; w++)
        {
            if (!probeStart[w]) counts[w] = counts[w].Plus(ReportColumn.CarriedOver, counts[w - 1].InProgressOnTime + counts[w - 1].InProgressOverdue);
        }
        return counts;
    }

    /// <summary>
    /// Whether window <paramref name="w"/> starts at the instant the one before it ended, over the same units: then the
    /// stock at its start is the stock the one before counted at its end, and is not read again.
    /// </summary>
    private static bool StartsWherePreviousEnded(IReadOnlyList<(ReportWindow Window, string[] Units)> windows, int w) =>
        w > 0 && windows[w].Window.Start == windows[w - 1].Window.End && windows[w].Units.SequenceEqual(windows[w - 1].Units, StringComparer.Ordinal);

    /// <summary>
    /// Each source counted by (window, receiving unit) over the union of the windows' units, then only the pairs of a
    /// window with one of its own units summed: the unit filter is form 06's (see <see cref="ReportCells.InUnits"/>).
    /// Each window's count is a lateral subquery, so that it is one index probe per window: as a plain join PostgreSQL
    /// read the whole receipt index once (1.2 million rows at 1M dossiers) and matched every row against every window
    /// (measured, ops/bench/results/reads-2026-12-04.md).
    /// </summary>
    private static string Build(bool wholeTree)
    {
        static string UnitFilter(ReportSource source, bool wholeTree) => (wholeTree, source) switch
        {
            // Closes are indexed by unit first only: even the whole tree reads them unit by unit, one range scan each.
            // Receipts have a time-first index for the whole tree (ix_dossiers_received_at), which needs no unit.
            (true, ReportSource.Closes) => $" and {ReportCells.InUnits(source)}",
            (true, _) => "",
            _ => $" and {ReportCells.InUnits(source)}\n                    group by {ReportCells.Alias(source)}.unit_code",
        };

        var parts = Sources.Select(source =>
        {
            var alias = ReportCells.Alias(source);
            var figures = ReportCells.CountedFrom(source).Select(f => $"count(*) filter (where {f.Filter})").Concat(Enumerable.Repeat("0", Width - ReportCells.CountedFrom(source).Count));
            var probed = source == ReportSource.StockAtStart ? "where w.probe_start" : "";
            return ReportCells.PerWindow($"""
                select {(int)source} as source, w.i, x.*
                from w cross join lateral (
                    select {(wholeTree ? "" : $"{alias}.unit_code, ")}{string.Join(", ", figures.Select((f, i) => $"{f} as c{i}"))}
                    from {ReportCells.From(source)}
                    where {ReportCells.InWindow(source)}{UnitFilter(source, wholeTree)}) x
                {probed}
                """);
        });
        return $"""
            with w as (
                select i, start_at, end_at, probe_start
                from unnest(@window_starts, @window_ends, @window_probes_start) with ordinality as t(start_at, end_at, probe_start, i)){(wholeTree ? "" : ",\n            wu as (select i, unit_code from unnest(@unit_windows, @unit_codes) as t(i, unit_code))")}
            select g.source, g.i, {string.Join(", ", Enumerable.Range(0, Width).Select(i => $"sum(g.c{i})::bigint"))}
            from ({string.Join("\nunion all\n", parts)}) g
            {(wholeTree ? "" : "join wu on wu.i = g.i and wu.unit_code = g.unit_code")}
            group by g.source, g.i
            """;
    }
}
