using DossierTracker.Organisation;

namespace DossierTracker.Simulator.Sending;

/// <summary>
/// The ingest keys the simulator posts with, each scoped to a unit (a province): every event of a dossier goes with the
/// key whose scope holds the dossier's unit, as a province's own one-stop system would send it.
/// </summary>
public sealed class IngestKeys
{
    private const string KeySuffix = "INGEST_KEY";
    private readonly IReadOnlyList<(string Scope, string Key)> _keys;
    private readonly OrganisationTree _tree;
    private readonly Dictionary<string, int> _byUnit = new(StringComparer.Ordinal);

    private IngestKeys(IReadOnlyList<(string Scope, string Key)> keys, OrganisationTree tree)
    {
        _keys = keys;
        _tree = tree;
    }

    public int Count => _keys.Count;

    public string Key(int index) => _keys[index].Key;

    /// <summary>
    /// From <c>SIM_KEYS</c> (<c>SCOPE=KEY</c> pairs, separated by commas or spaces) when set, else from the keys file
    /// ops/up writes: each <c>X_INGEST_KEY</c> is scoped to <c>X_PROVINCE</c> (DEMO_INGEST_KEY to DEMO_PROVINCE, ...).
    /// Keys are never options: a command line is visible to every user of the machine.
    /// </summary>
    public static IngestKeys Load(string? simKeys, string keysFile, OrganisationTree tree)
    {
        var keys = string.IsNullOrWhiteSpace(simKeys) ? FromKeysFile(keysFile) : FromPairs(simKeys);
        foreach (var (scope, _) in keys)
            if (!tree.Contains(scope)) throw new SimulatorException($"The key scope '{scope}' is not a unit of the organisation tree.");
        return new IngestKeys(keys, tree);
    }

    /// <summary>The key for a unit: the one with the narrowest scope that holds it.</summary>
    public int IndexFor(string unitCode)
    {
        if (_byUnit.TryGetValue(unitCode, out var cached)) return cached;
        for (var unit = _tree.Find(unitCode); unit is not null; unit = unit.ParentCode is null ? null : _tree.Find(unit.ParentCode))
        {
            for (var i = 0; i < _keys.Count; i++)
                if (_keys[i].Scope == unit.Code) return _byUnit[unitCode] = i;
        }
        throw new SimulatorException($"No ingest key covers unit {unitCode}; the keys are scoped to {string.Join(", ", _keys.Select(k => k.Scope))}.");
    }

    private static List<(string, string)> FromPairs(string text)
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in text.Split([',', ';', ' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
                throw new SimulatorException("SIM_KEYS must be SCOPE=KEY pairs, e.g. SIM_KEYS='000.00.00.H33=dtk_...,000.00.00.H43=dtk_...'.");
            pairs.Add((pair[..equals], pair[(equals + 1)..]));
        }
        return pairs;
    }

    private static List<(string, string)> FromKeysFile(string path)
    {
        if (!File.Exists(path))
            throw new SimulatorException($"No keys: SIM_KEYS is not set and {path} does not exist (ops/up writes it; or pass --keys-file).");
        var values = File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim().Trim('"', '\''), StringComparer.Ordinal);
        var pairs = values
            .Where(v => v.Key.EndsWith(KeySuffix, StringComparison.Ordinal) && v.Value.Length > 0)
            .Select(v => (Scope: values.GetValueOrDefault(v.Key[..^KeySuffix.Length] + "PROVINCE"), v.Value))
            .Where(p => !string.IsNullOrEmpty(p.Scope))
            .Select(p => (p.Scope!, p.Value))
            .ToList();
        if (pairs.Count == 0)
            throw new SimulatorException($"{path} has no X_INGEST_KEY with its X_PROVINCE scope.");
        return pairs;
    }
}
