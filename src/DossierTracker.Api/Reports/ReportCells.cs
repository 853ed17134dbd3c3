using DossierTracker.Api.ReadModel;
using DossierTracker.Reporting;
using Npgsql;
using NpgsqlTypes;

namespace DossierTracker.Api.Reports;

/// <summary>One part of a figure: the dossiers of <paramref name="Source"/> that pass <paramref name="Filter"/> (SQL over the source's alias).</summary>
public sealed record ReportCellPart(ReportSource Source, string Filter)
{
    /// <summary>The whole predicate of this part: the source's window, the scope's units and the filter.</summary>
    public string Where => $"{ReportCells.InWindow(Source)} and {ReportCells.InUnits(Source)} and ({Filter})";
}

/// <summary>
/// The single definition of which read-model rows count in each figure of form 06 for a window [start, end). Counting
/// (<see cref="ReportCountsQuery"/>) and listing (the drill-down) both build their SQL from it, so a cell and the
/// dossiers behind it cannot disagree. SQL uses the named parameters <c>@start</c>, <c>@end</c> (timestamptz) and
/// <c>@units</c> (text[], the scope's unit codes); flows read <c>tracker.dossiers</c> as <c>d</c>, stocks
/// <c>tracker.dossier_phases</c> as <c>p</c> (join <c>d</c> on <c>d.code = p.code</c> for a dossier's other columns).
/// A dossier appears at most once per part, and the parts of a figure never share a dossier.
/// </summary>
public static partial class ReportCells
{
    public const string StartParameter = "start";
    public const string EndParameter = "end";
    public const string UnitsParameter = "units";

    /// <summary>One supplement request is allowed; from the second on (over the whole history) never on time.</summary>
    private const string NoSecondSupplementBeforeEnd = "({0}.second_supplement_at is null or {0}.second_supplement_at >= @end)";

    private static readonly string ClosedOnTime766 = $"d.closed_within_due and {string.Format(NoSecondSupplementBeforeEnd, "d")}";

    /// <summary>
    /// Open at the end: running and not yet due, or paused by a request made at or before the due time then in force
    /// (the phase's lower bound is the pause's start: a second pause while paused continues the same phase).
    /// </summary>
    private static readonly string OpenOnTime766 =
        $"(case when p.paused then lower(p.period) <= p.due_at else p.due_at >= @end end) and {string.Format(NoSecondSupplementBeforeEnd, "p")}";

    private static readonly IReadOnlyDictionary<ReportColumn, ReportCellPart[]> Parts = new Dictionary<ReportColumn, ReportCellPart[]>
    {
        [ReportColumn.Received] = [new(ReportSource.Receipts, "true"), new(ReportSource.StockAtStart, "true")],
        [ReportColumn.ReceivedOnline] = [new(ReportSource.Receipts, "d.channel = 'online'")],
        [ReportColumn.ReceivedDirect] = [new(ReportSource.Receipts, "d.channel <> 'online'")],
        [ReportColumn.CarriedOver] = [new(ReportSource.StockAtStart, "true")],
        [ReportColumn.Resolved] = [new(ReportSource.Closes, "d.completed_at is not null")],
        [ReportColumn.ResolvedEarly] = [new(ReportSource.Closes, "d.result = 'early'")],
        [ReportColumn.ResolvedOnTime] = [new(ReportSource.Closes, "d.result = 'on-time'")],
        [ReportColumn.ResolvedLate] = [new(ReportSource.Closes, "d.result = 'late'")],
        [ReportColumn.InProgress] = [new(ReportSource.StockAtEnd, "true")],
        [ReportColumn.InProgressOnTime] = [new(ReportSource.StockAtEnd, "p.paused or p.due_at >= @end")],
        [ReportColumn.InProgressOverdue] = [new(ReportSource.StockAtEnd, "not p.paused and p.due_at < @end")],
        [ReportColumn.WithdrawnOrStopped] = [new(ReportSource.Closes, "d.completed_at is null")],
        [ReportColumn.OnTime766] = [new(ReportSource.Closes, ClosedOnTime766), new(ReportSource.StockAtEnd, OpenOnTime766)],
    };

    /// <summary>
    /// The figures counted from the database; every other one is their sum (<see cref="ReportFigures"/>), so the
    /// sums of form 06 ((3) = (4) + (5) + (6), ...) hold by construction.
    /// </summary>
    public static IReadOnlyList<ReportColumn> Counted { get; } =
    [
        ReportColumn.ReceivedOnline, ReportColumn.ReceivedDirect, ReportColumn.CarriedOver,
        ReportColumn.ResolvedEarly, ReportColumn.ResolvedOnTime, ReportColumn.ResolvedLate,
        ReportColumn.InProgressOnTime, ReportColumn.InProgressOverdue, ReportColumn.WithdrawnOrStopped, ReportColumn.OnTime766,
    ];

    private static readonly IReadOnlyDictionary<ReportSource, (ReportColumn Column, string Filter)[]> CountedBySource =
        Enum.GetValues<ReportSource>().ToDictionary(
            source => source,
            source => Counted.SelectMany(column => Parts[column].Where(part => part.Source == source).Select(part => (column, part.Filter))).ToArray());

    /// <summary>The counted figures <paramref name="source"/> contributes to, with their filters, in one fixed order.</summary>
    public static IReadOnlyList<(ReportColumn Column, string Filter)> CountedFrom(ReportSource source) => CountedBySource[source];

    /// <summary>The parts whose dossiers make up <paramref name="column"/>'s cell.</summary>
    public static IReadOnlyList<ReportCellPart> Of(ReportColumn column) => Parts[column];

    /// <summary>The table of a source with its alias, for a <c>from</c> clause.</summary>
    public static string From(ReportSource source) => source switch
    {
        ReportSource.Receipts or ReportSource.Closes => $"{TrackerTables.Dossiers} d",
        _ => $"{TrackerTables.DossierPhases} p",
    };

    /// <summary>The alias <see cref="From"/> gives the source's table.</summary>
    public static string Alias(ReportSource source) => source is ReportSource.Receipts or ReportSource.Closes ? "d" : "p";

    /// <summary>The rows of the source that belong to the window (flows by their instant, stocks by the phase containing it).</summary>
    public static string InWindow(ReportSource source) => source switch
    {
        ReportSource.Receipts => "d.received_at >= @start and d.received_at < @end",
        ReportSource.Closes => "d.closed_at >= @start and d.closed_at < @end",
        ReportSource.StockAtStart => "p.period @> @start",
        _ => "p.period @> @end",
    };

    /// <summary>
    /// Dossiers received by the scope's units. Flows read indexes led by the unit (<c>ix_dossiers_unit_received</c>,
    /// <c>ix_dossiers_unit_closed</c>), where <c>= any(@units)</c> is one range scan per unit: a province reads its own
    /// rows of the window only, however many other provinces share the store (issue 20: at 10M dossiers over 5 provinces,
    /// a time-first index read 2.0M entries to keep a province's 0.4M). It stays an index condition in the generic plans
    /// of auto-prepared statements. Stocks read the phases' GiST index by instant, where <c>any</c> would be tested row by
    /// row against a province's 180 units: there the filter stays a hashed semi-join on <c>unnest</c>.
    /// </summary>
    public static string InUnits(ReportSource source) => source is ReportSource.Receipts or ReportSource.Closes
        ? $"{Alias(source)}.unit_code = any(@{UnitsParameter})"
        : $"{Alias(source)}.unit_code in (select unnest(@{UnitsParameter}))";

    /// <summary>
    /// The column a report's rows group by: the receiving unit, or the procedure (fields are grouped from procedures
    /// in memory, since a procedure's field is reference data that may change without touching the read model).
    /// </summary>
    public static string RowKey(ReportSource source, ReportRowsBy rowsBy) =>
        $"{Alias(source)}.{(rowsBy == ReportRowsBy.Unit ? "unit_code" : "procedure_code")}";

    /// <summary>
    /// <paramref name="sql"/> built from these cells over many windows at once: <c>@start</c> and <c>@end</c> become the
    /// columns <c>w.start_at</c> and <c>w.end_at</c> of a row <c>w</c> per window (<see cref="TrendCountsQuery"/>).
    /// </summary>
    public static string PerWindow(string sql) =>
        WindowBound().Replace(sql, bound => bound.Groups[1].Value == StartParameter ? "w.start_at" : "w.end_at");

    [System.Text.RegularExpressions.GeneratedRegex(@"@(start|end)\b")]
    private static partial System.Text.RegularExpressions.Regex WindowBound();

    /// <summary>The values of <c>@start</c>, <c>@end</c> and <c>@units</c>.</summary>
    public static NpgsqlParameter[] Parameters(ReportWindow window, string[] units) =>
    [
        new NpgsqlParameter(StartParameter, NpgsqlDbType.TimestampTz) { Value = window.Start.ToUniversalTime() },
        new NpgsqlParameter(EndParameter, NpgsqlDbType.TimestampTz) { Value = window.End.ToUniversalTime() },
        new NpgsqlParameter(UnitsParameter, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = units },
    ];
}
