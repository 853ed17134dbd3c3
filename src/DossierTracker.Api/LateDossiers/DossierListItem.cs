using System.Text.Json.Serialization;
using DossierTracker.Dossiers;

namespace DossierTracker.Api.LateDossiers;

/// <summary>One row of the late or due-soon list.</summary>
public sealed record DossierListItem(
    string DossierCode,
    string UnitCode,
    string? UnitName,
    string ProcedureCode,
    string? ProcedureName,
    string? FieldCode,
    string? FieldName,
    Channel Channel,
    DossierStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? CompletedAt,
    double OverdueWorkingHours,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RemainingWorkingHours,
    string? Handler,
    string? HandlerName,
    bool ApologyIssued,
    DateTimeOffset? NewAppointmentAt);

public sealed record DossierListPage(int Total, int Page, int PageSize, IReadOnlyList<DossierListItem> Items);
