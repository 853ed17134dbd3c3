using DossierTracker.Simulator.ReferenceData;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>The traffic of several provinces (--provinces): each its own, the demo's shape and volume, the same for a seed.</summary>
public class ProvincesTrafficTests
{
    private static readonly DemoProvince Three = DemoProvince.Load(
        Path.Combine(AppContext.BaseDirectory, "demo", "units-hoa-binh.json"), Path.Combine(AppContext.BaseDirectory, "demo", "procedures.json"), 3);

    private static TrafficGenerator Generator(int seed = 42) => new(Three, DemoTraffic.Calendar, seed, 0.1);

    private static readonly DateOnly From = new(2024, 3, 1);
    private static readonly DateOnly To = new(2024, 5, 31);

    private static readonly List<SimulatedDossier> Quarter = DemoTraffic.Dossiers(Generator(), From, To);

    private static int ProvinceOf(SimulatedDossier dossier) =>
        Enumerable.Range(0, Three.Provinces.Count).Single(p => Three.Provinces[p].Contains(dossier.Unit.Code));

    [Fact]
    public void each_province_receives_as_much_as_the_demo_province_alone()
    {
        var alone = DemoTraffic.Dossiers(DemoTraffic.Generator(scale: 0.1), From, To).Count;
        foreach (var province in Quarter.GroupBy(ProvinceOf))
            province.Count().ShouldBeInRange((int)(alone * 0.95), (int)(alone * 1.05));
        Quarter.Select(ProvinceOf).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void every_dossier_and_event_has_a_code_of_its_own()
    {
        Quarter.Select(d => d.Code).Distinct().Count().ShouldBe(Quarter.Count);
        var ids = Quarter.SelectMany(d => d.Events.Where(e => !e.IsResend)).Select(e => e.Submission.EventId).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void the_first_province_gets_the_demo_provinces_traffic_and_the_others_their_own()
    {
        var day = new DateOnly(2024, 4, 8);
        var demo = DemoTraffic.Generator(scale: 0.1).DossiersReceivedOn(day);
        var byProvince = Generator().DossiersReceivedOn(day).GroupBy(ProvinceOf).ToDictionary(g => g.Key, g => g.ToList());
        byProvince[0].Select(d => d.Events).ShouldBe(demo.Select(d => d.Events));
        // Copies of the same units, not copies of the same traffic: a copy's procedures differ from the demo's.
        byProvince[1].Select(d => d.Procedure.Code).ShouldNotBe(demo.Select(d => d.Procedure.Code));
    }

    [Fact]
    public void the_same_seed_gives_the_same_traffic_and_another_seed_other_traffic()
    {
        var day = new DateOnly(2024, 4, 9);
        Generator().DossiersReceivedOn(day).Select(d => d.Events).ShouldBe(Generator().DossiersReceivedOn(day).Select(d => d.Events));
        Generator(43).DossiersReceivedOn(day).Select(d => d.Code).ShouldNotBe(Generator().DossiersReceivedOn(day).Select(d => d.Code));
    }

    [Fact]
    public void a_day_of_several_provinces_comes_in_order_of_receipt()
    {
        var day = Generator().DossiersReceivedOn(new DateOnly(2024, 4, 10));
        day.Select(d => d.ReceivedAt).ShouldBe(day.Select(d => d.ReceivedAt).Order());
    }

    [Fact]
    public void the_provinces_share_the_demo_traffics_proportions()
    {
        foreach (var province in Quarter.GroupBy(ProvinceOf))
        {
            var dossiers = province.ToList();
            (dossiers.Count(d => d.Channel == DossierTracker.Dossiers.Channel.Online) / (double)dossiers.Count).ShouldBeInRange(0.66, 0.75);
            (dossiers.Count(d => d.Plan.Paused) / (double)dossiers.Count).ShouldBeInRange(0.17, 0.23);
        }
    }
}
