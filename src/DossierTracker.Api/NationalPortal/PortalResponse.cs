using DossierTracker.NationalPortal;
using System.Text.Json.Serialization;

namespace DossierTracker.Api.NationalPortal;

/// <summary>
/// The answer in the portal's own style, so a one-stop system's existing DVCQG client can read it: <c>error_code</c>
/// "0" when every item was accepted, "-1" when at least one was not (retrying the whole request is safe), and one
/// result per item of <c>data</c>, in order.
/// </summary>
public sealed record PortalResponse(
    [property: JsonPropertyName("error_code")] string ErrorCode,
    string Message,
    IReadOnlyList<PortalItemResult> Result)
{
    public const string Success = "0";
    public const string Failure = "-1";
}

/// <summary>
/// One item's fate. <see cref="Problem"/> (problem details, with <c>errors</c> for invalid fields) is set when
/// <see cref="Success"/> is false; typed object so a validation problem keeps its <c>errors</c> when serialised.
/// </summary>
public sealed record PortalItemResult(
    int Index,
    [property: JsonPropertyName("MaHoSo")] string? DossierCode,
    bool Success,
    string Message,
    IReadOnlyList<PortalEventResult> Events,
    object? Problem = null)
{
    /// <summary>The receiving unit found for a dossier to receive (NationalPortal/README.md, "The receiving unit").</summary>
    public string? UnitCode { get; init; }

    /// <summary>Where <see cref="UnitCode"/> came from: <c>DonViXuLy</c>, <c>DonViXuLy-name</c>, <c>MaHoSo</c> or <c>madonvi</c>.</summary>
    public string? UnitFrom { get; init; }

    /// <summary>Optional fields set aside without refusing the item (field → messages); absent when there are none.</summary>
    public IReadOnlyDictionary<string, string[]>? Warnings { get; init; }

    /// <summary>This result with what the tracker made of the item's unit and optional fields.</summary>
    public PortalItemResult About(PortalDossier snapshot, ReceivingUnit? unit)
    {
        var warnings = new Dictionary<string, string[]>(snapshot.Warnings, StringComparer.Ordinal);
        if (unit is { Code: not null, Note: { } note }) warnings["DonViXuLy"] = [note];
        return this with { UnitCode = unit?.Code, UnitFrom = unit?.Code is null ? null : unit.From, Warnings = warnings.Count > 0 ? warnings : null };
    }
}

/// <summary>
/// An event the item gave rise to: <c>created</c>, <c>duplicate</c> (stored before), <c>rejected</c>, or <c>skipped</c>
/// (not stored because another event of the same dossier was rejected: a dossier's snapshot applies whole or not at all).
/// </summary>
public sealed record PortalEventResult(string EventId, string Type, DateTimeOffset OccurredAt, string Status);
