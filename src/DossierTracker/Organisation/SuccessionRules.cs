namespace DossierTracker.Organisation;

/// <summary>
/// The rules for <see cref="Unit.SuccessorCode"/> (contract v2): only a unit with a validTo names a successor, which
/// must be in the tree and valid on the day after that validTo. Checked apart from the tree's shape because a broken
/// succession is its own problem (422 <c>invalid-successor</c>), not a malformed tree.
/// </summary>
internal static class SuccessionRules
{
    public static Dictionary<string, string[]> Check(IReadOnlyCollection<Unit> units)
    {
        var byCode = units.GroupBy(u => u.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var unit in byCode.Values)
        {
            if (unit.SuccessorCode is not { } successorCode) continue;
            if (Problem(unit, successorCode, byCode) is { } message) errors[unit.Code] = [message];
        }
        return errors;
    }

    private static string? Problem(Unit unit, string successorCode, Dictionary<string, Unit> byCode)
    {
        if (unit.ValidTo is not { } validTo) return "Only a unit with a validTo can name a successorCode.";
        if (successorCode == unit.Code) return "A unit cannot be its own successor.";
        if (!byCode.TryGetValue(successorCode, out var successor)) return $"The successor unit '{successorCode}' is unknown.";
        var dayAfter = validTo.AddDays(1);
        return successor.IsValidOn(dayAfter)
            ? null
            : $"The successor unit '{successorCode}' must be valid on {dayAfter:yyyy-MM-dd}, the day after this unit's validTo.";
    }
}
