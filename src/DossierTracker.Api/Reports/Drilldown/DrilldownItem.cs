using DossierTracker.Dossiers;

namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>
/// One dossier behind a cell, as the report saw it at the period's end: <see cref="DueAt"/> is the due time it was judged
/// by (in force at its close, or at the period's end while open), and completion, close and result are shown only when
/// they happened before the period's end.
/// </summary>
public sealed record DrilldownItem(
    string DossierCode,
    string UnitCode,
    string? UnitName,
    string ProcedureCode,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? ClosedAt,
    CompletionResult? Result,
    bool OnTime766);

/// <summary>A page of the dossiers behind a cell; <see cref="Total"/> equals the cell.</summary>
public sealed record DrilldownPage(int Total, int Page, int PageSize, IReadOnlyList<DrilldownItem> Items);
