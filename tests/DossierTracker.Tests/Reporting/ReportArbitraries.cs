using DossierTracker.Organisation;
using DossierTracker.Reporting;
using FsCheck;
using FsCheck.Fluent;

namespace DossierTracker.Tests.Reporting;

/// <summary>Up to 40 units of random levels, some with counts and some without.</summary>
public sealed record AnyReportInput(IReadOnlyList<Unit> Units, IReadOnlyDictionary<string, UnitMonthCounts> Counts)
{
    public override string ToString() =>
        string.Join("; ", Units.Select(u => $"{u.Code} {u.Level} {Counts.GetValueOrDefault(u.Code)}"));
}

public static class ReportArbitraries
{
    public static Arbitrary<AnyReportInput> ReportInputs() =>
        Gen.Choose(0, 40)
            .SelectMany(size => Gen.ListOf(UnitWithCounts(), size))
            .Select(ToInput)
            .ToArbitrary();

    private static Gen<(UnitLevel Level, UnitMonthCounts? Counts)> UnitWithCounts() =>
        Gen.Elements(Enum.GetValues<UnitLevel>())
            .SelectMany(_ => Gen.OneOf(Gen.Constant<UnitMonthCounts?>(null), AnyCounts()), (level, counts) => (level, counts));

    private static Gen<UnitMonthCounts?> AnyCounts() =>
        Gen.ArrayOf(Gen.Choose(0, 10_000), 10)
            .Select(c => (UnitMonthCounts?)new UnitMonthCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]));

    // Codes descend with the index so the report has to reorder what it was given.
    private static AnyReportInput ToInput(IEnumerable<(UnitLevel Level, UnitMonthCounts? Counts)> units)
    {
        var list = units.Select((u, index) => (Unit: new Unit($"U{999 - index:D3}", $"Đơn vị {index}", u.Level, null), u.Counts)).ToList();
        var counts = list.Where(u => u.Counts is not null).ToDictionary(u => u.Unit.Code, u => u.Counts!);
        return new AnyReportInput(list.Select(u => u.Unit).ToList(), counts);
    }
}
