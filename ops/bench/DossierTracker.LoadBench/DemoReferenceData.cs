using System.Text.Json;

namespace DossierTracker.LoadBench;

public sealed record DemoUnit(string Code, string Name, string Level, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || day >= ValidFrom) && (ValidTo is null || day <= ValidTo);
}

public sealed record DemoProcedure(string Code, string[] Levels);

/// <summary>The demo province's units and procedures (ops/demo/*.json), as loaded into the database under test.</summary>
public sealed class DemoReferenceData(IReadOnlyList<DemoUnit> units, IReadOnlyList<DemoProcedure> procedures)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DemoReferenceData Load(string unitsFile, string proceduresFile) => new(
        JsonSerializer.Deserialize<List<DemoUnit>>(File.ReadAllText(unitsFile), Json)!,
        JsonSerializer.Deserialize<List<DemoProcedure>>(File.ReadAllText(proceduresFile), Json)!);

    /// <summary>The province valid on a day (Hòa Bình until June 2025, Phú Thọ after).</summary>
    public DemoUnit ProvinceOn(DateOnly day) => units.Single(u => u.Level == "province" && u.IsValidOn(day));

    /// <summary>The units one level below a province: Hòa Bình's districts; Phú Thọ has none, so its communes.</summary>
    public IReadOnlyList<DemoUnit> BelowProvince(DemoUnit province, DateOnly day)
    {
        var children = units.Where(u => u.ParentCode == province.Code && u.IsValidOn(day)).ToList();
        var districts = children.Where(u => u.Level == "district").ToList();
        return districts.Count > 0 ? districts : children.Where(u => u.Level == "commune").ToList();
    }

    /// <summary>Units that receive dossiers on a day (communes and districts), each with a procedure of its level.</summary>
    public IReadOnlyList<(DemoUnit Unit, DemoProcedure Procedure)> Receivers(DateOnly day) =>
        units.Where(u => u.Level is "commune" or "district" && u.IsValidOn(day))
            .SelectMany(u => procedures.Where(p => p.Levels.Contains(u.Level)).Take(1).Select(p => (u, p)))
            .ToList();
}
