using DossierTracker.Organisation;
using FsCheck;
using FsCheck.Fluent;

namespace DossierTracker.Tests.Organisation;

/// <summary>Up to 60 units placed by the level rules under one province, listed in random order.</summary>
public sealed record AnyTree(IReadOnlyList<Unit> Units)
{
    public override string ToString() => string.Join("; ", Units.Select(u => $"{u.Code} {u.Level} ← {u.ParentCode}"));
}

public static class OrganisationArbitraries
{
    public static Arbitrary<AnyTree> Trees() =>
        Gen.Choose(0, 60)
            .SelectMany(size => Gen.Zip(Gen.Elements(UnitLevel.Department, UnitLevel.District, UnitLevel.Commune), Gen.Choose(0, 1000)).ListOf(size))
            .Select(Place)
            .SelectMany(units => Gen.Shuffle(units))
            .Select(units => new AnyTree(units))
            .ToArbitrary();

    // Codes are a permutation of the index, so the input order says nothing about the tree.
    private static Unit[] Place(IEnumerable<(UnitLevel Level, int Choice)> draws)
    {
        var province = new Unit("P", "Tỉnh", UnitLevel.Province, null);
        var units = new List<Unit> { province };
        foreach (var (level, choice) in draws)
        {
            var districts = units.Where(u => u.Level == UnitLevel.District).ToList();
            var parent = level == UnitLevel.Commune && choice % (districts.Count + 1) is var pick && pick < districts.Count ? districts[pick] : province;
            units.Add(new Unit($"U{units.Count * 7919 % 1000:D3}", $"Đơn vị {units.Count}", level, parent.Code));
        }
        return [.. units];
    }
}
