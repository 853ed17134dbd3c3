using DossierTracker.Dossiers;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>The traffic has the shape issue 7 asks for, within tolerances, on a year's sample.</summary>
public class ShareTests
{
    private static readonly List<SimulatedDossier> Year =
        DemoTraffic.Dossiers(DemoTraffic.Generator(seed: 3, scale: 0.1), new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;

    [Fact]
    public void a_year_brings_about_450000_dossiers_times_the_scale() =>
        Year.Count.ShouldBeInRange(43_650, 46_350);

    [Fact]
    public void about_70_percent_are_received_online() =>
        Share(Year, d => d.Channel == Channel.Online).ShouldBeInRange(0.67, 0.74);

    [Fact]
    public void about_one_in_five_is_paused() =>
        Share(Year, d => d.Plan.Paused).ShouldBeInRange(0.18, 0.22);

    [Fact]
    public void about_2_percent_are_withdrawn_and_half_a_percent_stopped()
    {
        Share(Year, d => d.Plan.Ending == Ending.Withdrawn).ShouldBeInRange(0.015, 0.025);
        Share(Year, d => d.Plan.Ending == Ending.Stopped).ShouldBeInRange(0.003, 0.007);
    }

    [Fact]
    public void land_dossiers_are_late_more_often_than_the_others()
    {
        var completed = Year.Where(d => d.Plan.Ending == Ending.Resolved).ToList();
        var land = completed.Where(d => d.Procedure.IsLand).ToList();
        var others = completed.Where(d => !d.Procedure.IsLand).ToList();
        Share(land, d => d.Plan.Late).ShouldBeInRange(0.03, 0.05);
        Share(others, d => d.Plan.Late).ShouldBeInRange(0.003, 0.01);
    }

    [Fact]
    public void communes_receive_most_then_districts_then_departments()
    {
        var hoaBinh = Year.CountBy(d => d.Unit.Level).ToDictionary(c => c.Key, c => c.Value);
        hoaBinh[DossierTracker.Organisation.UnitLevel.Commune].ShouldBeGreaterThan(hoaBinh[DossierTracker.Organisation.UnitLevel.District]);
        hoaBinh[DossierTracker.Organisation.UnitLevel.District].ShouldBeGreaterThan(hoaBinh[DossierTracker.Organisation.UnitLevel.Department]);
    }

    [Fact]
    public void civil_status_and_certification_are_more_common_than_land()
    {
        var byField = Year.CountBy(d => d.Procedure.Field).ToDictionary(c => c.Key, c => c.Value);
        byField["Chứng thực"].ShouldBeGreaterThan(byField["Đất đai"]);
        byField["Hộ tịch"].ShouldBeGreaterThan(byField["Đất đai"]);
    }

    [Fact]
    public void most_dossiers_are_received_in_office_hours_of_working_days() =>
        Share(Year, d => DemoTraffic.Calendar.IsWorkingTime(d.ReceivedAt)).ShouldBeInRange(0.93, 0.99);
}
