namespace DossierTracker.LoadBench;

/// <summary>The months the writer has loaded so far (told by the simulator's progress), for the readers to pick from.</summary>
public sealed class LoadedMonths
{
    private readonly List<DateOnly> _months = [];
    private readonly Lock _lock = new();

    /// <summary>Every month from <paramref name="from"/> to the one containing <paramref name="through"/>.</summary>
    public void Add(DateOnly from, DateOnly through)
    {
        lock (_lock)
        {
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= through; month = month.AddMonths(1))
                if (!_months.Contains(month)) _months.Add(month);
        }
    }

    /// <summary>The first day of a random loaded month, or null before the writer has started.</summary>
    public DateOnly? Pick(Random random)
    {
        lock (_lock) return _months.Count == 0 ? null : _months[random.Next(_months.Count)];
    }
}

/// <summary>Dossier codes seen in the late lists, per province, for the dossier views (a bounded ring per province).</summary>
public sealed class SeenDossiers
{
    private const int Capacity = 500;
    private readonly Dictionary<string, List<string>> _codes = [];
    private readonly Lock _lock = new();

    public void Add(string province, IEnumerable<string> codes)
    {
        lock (_lock)
        {
            var list = _codes.TryGetValue(province, out var found) ? found : _codes[province] = [];
            foreach (var code in codes)
            {
                if (list.Count == Capacity) list.RemoveAt(0);
                list.Add(code);
            }
        }
    }

    public string? Pick(string province, Random random)
    {
        lock (_lock) return _codes.TryGetValue(province, out var list) && list.Count > 0 ? list[random.Next(list.Count)] : null;
    }
}
