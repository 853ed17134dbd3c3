namespace DossierTracker.Organisation;

/// <summary>An immutable, validated organisation tree with the lookups scopes and reports need.</summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, List<Unit>> _children;

    private OrganisationTree(IEnumerable<Unit> units)
    {
        _units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = _units.Values
            .Where(u => u.ParentCode is not null)
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    public static OrganisationTree Empty { get; } = new([]);

    public IReadOnlyCollection<Unit> Units => _units.Values;

    /// <summary>Builds a tree, or returns the problems (per unit code) that make the units not a tree.</summary>
    public static OrganisationTreeResult Build(IReadOnlyCollection<Unit> units)
    {
        var errors = OrganisationTreeRules.Check(units);
        return errors.Count == 0 ? new OrganisationTreeResult(new OrganisationTree(units), errors) : new OrganisationTreeResult(null, errors);
    }

    public Unit? Find(string code) => _units.GetValueOrDefault(code);

    public bool Contains(string code) => _units.ContainsKey(code);

    public IReadOnlyList<Unit> ChildrenOf(string code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>True when <paramref name="unitCode"/> is <paramref name="scopeCode"/> or lies below it.</summary>
    public bool IsWithin(string unitCode, string scopeCode)
    {
        for (var current = Find(unitCode); current is not null; current = current.ParentCode is null ? null : Find(current.ParentCode))
        {
            if (current.Code == scopeCode) return true;
        }
        return false;
    }

    /// <summary>The unit and every unit below it.</summary>
    public IReadOnlyList<Unit> Subtree(string code)
    {
        var result = new List<Unit>();
        if (Find(code) is not { } root) return result;
        var pending = new Stack<Unit>([root]);
        while (pending.TryPop(out var unit))
        {
            result.Add(unit);
            foreach (var child in ChildrenOf(unit.Code)) pending.Push(child);
        }
        return result;
    }

    /// <summary>The root units (normally the province), ordered by code.</summary>
    public IReadOnlyList<Unit> Roots => _units.Values.Where(u => u.ParentCode is null).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
}

public sealed record OrganisationTreeResult(OrganisationTree? Tree, IReadOnlyDictionary<string, string[]> Errors);
