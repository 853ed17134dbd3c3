using DossierTracker.Calendar;
using DossierTracker.Simulator.ReferenceData;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests;

/// <summary>The demo province and calendar the simulator runs on, loaded once for all tests.</summary>
public static class DemoTraffic
{
    public static readonly DemoProvince Province = DemoProvince.Load(
        Path.Combine(AppContext.BaseDirectory, "demo", "units-hoa-binh.json"),
        Path.Combine(AppContext.BaseDirectory, "demo", "procedures.json"));

    public static readonly WorkingCalendar Calendar = new(OfficeHours.Default, new HolidayCalendar());

    public static TrafficGenerator Generator(int seed = 42, double scale = 1.0) => new(Province, Calendar, seed, scale);

    /// <summary>Every dossier received from <paramref name="from"/> to <paramref name="to"/>, inclusive.</summary>
    public static List<SimulatedDossier> Dossiers(TrafficGenerator generator, DateOnly from, DateOnly to)
    {
        var dossiers = new List<SimulatedDossier>();
        for (var day = from; day <= to; day = day.AddDays(1)) dossiers.AddRange(generator.DossiersReceivedOn(day));
        return dossiers;
    }
}
