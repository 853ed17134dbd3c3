using DossierTracker.Organisation;

namespace DossierTracker.Api.ReferenceData;

/// <summary>A unit on the wire (PUT and GET /api/units).</summary>
public sealed record UnitPayload(string? Code, string? Name, UnitLevel? Level, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo,
    string? SuccessorCode = null, string? ReportRecipient = null)
{
    public static UnitPayload Of(Unit unit) =>
        new(unit.Code, unit.Name, unit.Level, unit.ParentCode, unit.ValidFrom, unit.ValidTo, unit.SuccessorCode, unit.ReportRecipient);

    public static IReadOnlyList<UnitPayload> Ordered(IEnumerable<Unit> units) =>
        units.OrderBy(u => u.Level).ThenBy(u => u.Code, StringComparer.Ordinal).Select(Of).ToList();
}
