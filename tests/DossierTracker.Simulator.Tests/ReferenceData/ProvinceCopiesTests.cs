using System.Text.Json.Nodes;
using DossierTracker.Simulator.Cli;
using DossierTracker.Simulator.Modes;
using DossierTracker.Simulator.ReferenceData;

namespace DossierTracker.Simulator.Tests.ReferenceData;

/// <summary>Several provinces' reference data (issue 20): the demo's shape, codes and names of their own.</summary>
public class ProvinceCopiesTests
{
    private static readonly string DemoUnits = Path.Combine(AppContext.BaseDirectory, "demo", "units-hoa-binh.json");
    private static readonly JsonArray Demo = (JsonArray)JsonNode.Parse(File.ReadAllText(DemoUnits))!;

    private static List<string> Values(JsonArray units, string field) =>
        units.Select(u => u![field]?.GetValue<string>()).OfType<string>().ToList();

    [Fact]
    public void every_unit_of_every_province_has_a_code_and_a_name_of_its_own()
    {
        var units = ProvinceCopies.Of(Demo, 5);
        units.Count.ShouldBe(5 * Demo.Count);
        Values(units, "code").Distinct().Count().ShouldBe(units.Count);
        Values(units, "name").Distinct().Count().ShouldBe(5 * Values(Demo, "name").Distinct().Count());
    }

    [Fact]
    public void the_first_province_is_the_demo_province_as_it_is() =>
        ProvinceCopies.Copy(Demo, 0).ToJsonString().ShouldBe(Demo.ToJsonString());

    [Fact]
    public void a_copy_keeps_the_demo_shape_parents_and_mergers_included()
    {
        var copy = ProvinceCopies.Copy(Demo, 7);
        var codes = Values(copy, "code").ToHashSet();
        Values(copy, "parentCode").ShouldAllBe(parent => codes.Contains(parent));
        Values(copy, "successorCode").ShouldAllBe(successor => codes.Contains(successor));
        copy.Select(u => u!["level"]!.GetValue<string>()).ShouldBe(Demo.Select(u => u!["level"]!.GetValue<string>()));
        // Names keep their beginning, which chooses the receiving units (Phường, ...) and departments (Sở Tư pháp, ...).
        copy.Zip(Demo).ShouldAllBe(pair => pair.First!["name"]!.GetValue<string>().StartsWith(pair.Second!["name"]!.GetValue<string>(), StringComparison.Ordinal));
        ProvinceCopies.Code("000.00.31.H33", 7).ShouldBe("000.00.31.S0733");
    }

    [Fact]
    public void the_loaded_provinces_are_valid_trees_each_with_its_own_roots()
    {
        var provinces = DemoProvince.Load(DemoUnits, Path.Combine(AppContext.BaseDirectory, "demo", "procedures.json"), 3);
        provinces.Provinces.Count.ShouldBe(3);
        provinces.Units.Roots.Count.ShouldBe(3 * DemoTraffic.Province.Units.Roots.Count);
        provinces.Provinces.SelectMany(p => p.Roots.Select(r => r.Code)).Distinct().Count().ShouldBe(provinces.Units.Roots.Count);
    }

    [Fact]
    public void the_units_mode_writes_the_units_of_every_province()
    {
        var path = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.json");
        try
        {
            ProvinceUnits.Write(SimulatorOptions.Parse(["units", "--provinces", "4", "--units", DemoUnits, "--out", path])!);
            var written = (JsonArray)JsonNode.Parse(File.ReadAllText(path))!;
            Values(written, "code").ShouldBe(Values(ProvinceCopies.Of(Demo, 4), "code"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void more_provinces_than_the_country_ever_had_are_refused() =>
        Should.Throw<SimulatorException>(() => ProvinceCopies.Of(Demo, ProvinceCopies.Most + 1));
}
