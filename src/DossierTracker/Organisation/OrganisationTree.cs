namespace DossierTracker.Organisation;

/// <summary>An immutable, validated organisation tree with the lookups scopes and reports need.</summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, Unit> _units;
    private readonly Dictionary<string, List<Unit>> _children;
    private readonly Dictionary<string, List<Unit>> _predecessors;

    private OrganisationTree(IEnumerable<Unit> units)
    {
        _units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = GroupBy(u => u.ParentCode);
        _predecessors = GroupBy(u => u.SuccessorCode);
    }

    private Dictionary<string, List<Unit>> GroupBy(Func<Unit, string?> key) => _units.Values
        .Where(u => key(u) is not null)
        .GroupBy(u => key(u)!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    public static OrganisationTree Empty { get; } = new([]);

    public IReadOnlyCollection<Unit> Units => _units.Values;

    /// <summary>
    /// Builds a tree, or returns the problems (per unit code) that make the units not a tree, and those of their
    /// successions apart.
    /// </summary>
    public static OrganisationTreeResult Build(IReadOnlyCollection<Unit> units)
    {
        var errors = OrganisationTreeRules.Check(units);
        var successionErrors = errors.Count == 0 ? SuccessionRules.Check(units) : [];
        var tree = errors.Count == 0 && successionErrors.Count == 0 ? new OrganisationTree(units) : null;
        return new OrganisationTreeResult(tree, errors, successionErrors);
    }

    public Unit? Find(string code) => _units.GetValueOrDefault(code);

    public bool Contains(string code) => _units.ContainsKey(code);

    public IReadOnlyList<Unit> ChildrenOf(string code) => _children.TryGetValue(code, out var list) ? list : [];

    /// <summary>The units that name <paramref name="code"/> as their successor.</summary>
    public IReadOnlyList<Unit> PredecessorsOf(string code) => _predecessors.TryGetValue(code, out var list) ? list : [];

    /// <summary>
    /// True when a key scoped to <paramref name="scopeCode"/> acts on <paramref name="unitCode"/>: the scope is reached
    /// from the unit by parent and successor links (contract v2, "Scope"). So a key reaches the units below it, its
    /// predecessors and everything below them, never forward along a succession.
    /// </summary>
    public bool IsInScopeOf(string unitCode, string scopeCode) =>
        Closure(unitCode, unit => [unit.ParentCode, unit.SuccessorCode]).Any(u => u.Code == scopeCode);

    /// <summary>Every unit a key scoped to <paramref name="code"/> acts on: the reverse of <see cref="IsInScopeOf"/>.</summary>
    public IReadOnlyList<Unit> ScopeOf(string code) =>
        Closure(code, unit => ChildrenOf(unit.Code).Concat(PredecessorsOf(unit.Code)).Select(u => (string?)u.Code));

    /// <summary>The unit and every unit reached from it by <paramref name="links"/>, each once.</summary>
    private List<Unit> Closure(string code, Func<Unit, IEnumerable<string?>> links)
    {
        var result = new List<Unit>();
        if (Find(code) is not { } start) return result;
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Code };
        var pending = new Stack<Unit>([start]);
        while (pending.TryPop(out var unit))
        {
            result.Add(unit);
            foreach (var next in links(unit))
            {
                if (next is not null && seen.Add(next) && Find(next) is { } found) pending.Push(found);
            }
        }
        return result;
    }

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

/// <param name="SuccessionErrors">Problems of <see cref="Unit.SuccessorCode"/>, checked once the units form a tree.</param>
public sealed record OrganisationTreeResult(OrganisationTree? Tree, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, string[]> SuccessionErrors);
