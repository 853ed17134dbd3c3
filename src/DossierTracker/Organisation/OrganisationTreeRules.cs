namespace DossierTracker.Organisation;

/// <summary>The rules that make a set of units a well-formed organisation tree (contract: Reference data).</summary>
internal static class OrganisationTreeRules
{
    public static Dictionary<string, string[]> Check(IReadOnlyCollection<Unit> units)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string code, string message)
        {
            if (!errors.TryGetValue(code, out var list)) errors[code] = list = [];
            list.Add(message);
        }

        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            if (!byCode.TryAdd(unit.Code, unit)) Add(unit.Code, "The unit code appears more than once.");
        }

        foreach (var unit in byCode.Values)
        {
            if (unit.ValidFrom is { } from && unit.ValidTo is { } to && to < from)
                Add(unit.Code, "validTo is before validFrom.");

            if (unit.ParentCode is null)
            {
                if (unit.Level != UnitLevel.Province) Add(unit.Code, $"A {LevelName(unit.Level)} needs a parentCode.");
                continue;
            }

            if (unit.ParentCode == unit.Code) { Add(unit.Code, "A unit cannot be its own parent."); continue; }
            if (!byCode.TryGetValue(unit.ParentCode, out var parent)) { Add(unit.Code, $"The parent unit '{unit.ParentCode}' is unknown."); continue; }

            var allowed = unit.Level switch
            {
                UnitLevel.Province => Array.Empty<UnitLevel>(),
                UnitLevel.Department or UnitLevel.District => [UnitLevel.Province],
                UnitLevel.Commune => [UnitLevel.District, UnitLevel.Province],
                _ => [],
            };
            if (!allowed.Contains(parent.Level))
                Add(unit.Code, $"A {LevelName(unit.Level)} cannot have a {LevelName(parent.Level)} as parent.");
        }

        foreach (var unit in byCode.Values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var current = unit; current?.ParentCode is not null; current = byCode.GetValueOrDefault(current.ParentCode))
            {
                if (!seen.Add(current.Code)) { Add(unit.Code, "The parent chain forms a cycle."); break; }
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    public static string LevelName(UnitLevel level) => level.ToString().ToLowerInvariant();
}
