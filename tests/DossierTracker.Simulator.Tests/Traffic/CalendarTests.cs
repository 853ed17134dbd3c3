using DossierTracker.Calendar;
using DossierTracker.Simulator.Traffic;

namespace DossierTracker.Simulator.Tests.Traffic;

/// <summary>Arrivals follow the working calendar and the organisation tree of the day.</summary>
public class CalendarTests
{
    private readonly TrafficGenerator _generator = DemoTraffic.Generator();

    [Theory]
    [InlineData("2025-01-25", "2025-02-02")] // Tết 2025, the official days off
    [InlineData("2026-02-14", "2026-02-22")] // Tết 2026
    [InlineData("2025-04-30", "2025-05-04")] // Reunification Day and Labour Day
    public void nothing_is_received_on_public_holidays(string first, string last)
    {
        for (var day = DateOnly.Parse(first); day <= DateOnly.Parse(last); day = day.AddDays(1))
            _generator.DossiersReceivedOn(day).ShouldBeEmpty(day.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void the_weeks_around_tet_bring_far_fewer_dossiers_than_an_ordinary_week()
    {
        int Week(DateOnly monday) => Enumerable.Range(0, 7).Sum(i => _generator.DossiersReceivedOn(monday.AddDays(i)).Count);
        Week(new DateOnly(2025, 1, 20)).ShouldBeLessThan(Week(new DateOnly(2025, 3, 10)) / 2); // the week before Tết 2025
    }

    [Fact]
    public void ordinary_weekends_get_only_a_trickle_of_online_dossiers()
    {
        var saturday = _generator.DossiersReceivedOn(new DateOnly(2025, 3, 15));
        saturday.Count.ShouldBeLessThan(_generator.DossiersReceivedOn(new DateOnly(2025, 3, 14)).Count / 10);
        saturday.ShouldAllBe(d => d.Channel == DossierTracker.Dossiers.Channel.Online);
    }

    [Theory]
    [InlineData("2025-06-30", "H33")] // Hòa Bình's last day
    [InlineData("2025-07-01", "H43")] // Phú Thọ's first
    public void dossiers_go_to_the_units_valid_on_the_day_they_are_received(string date, string province)
    {
        var day = DateOnly.Parse(date);
        var dossiers = _generator.DossiersReceivedOn(day);
        dossiers.ShouldNotBeEmpty();
        dossiers.ShouldAllBe(d => d.Unit.IsValidOn(VietnamTime.LocalDate(d.ReceivedAt)) && d.Unit.Code.EndsWith(province));
    }

    [Fact]
    public void after_the_reform_district_procedures_go_to_communes()
    {
        var land = _generator.DossiersReceivedOn(new DateOnly(2025, 7, 2)).Where(d => d.Procedure.Code == "1.004227").ToList();
        land.ShouldNotBeEmpty();
        land.ShouldAllBe(d => d.Unit.Level == DossierTracker.Organisation.UnitLevel.Commune);
    }

    [Fact]
    public void dossier_codes_number_each_units_dossiers_of_the_day()
    {
        var dossiers = _generator.DossiersReceivedOn(new DateOnly(2025, 3, 10));
        foreach (var unit in dossiers.GroupBy(d => d.Unit.Code))
            unit.Select(d => d.Code).ShouldBe(unit.Select((_, i) => $"{unit.Key}-250310-{i + 1:D4}"));
    }
}
