using DossierTracker.Api.Dashboard.Charts;
using DossierTracker.Api.Dashboard.Overview;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>The dashboard's own logic, without a browser: chart geometry, the ranking, the two languages.</summary>
public sealed class DashboardPartsTests
{
    private static readonly WorkingCalendar Calendar = new(OfficeHours.Default, new HolidayCalendar());

    [Fact]
    public void non_working_time_covers_the_night_the_lunch_break_and_the_weekend()
    {
        // Friday 7 October 2022 12:00 to Monday 10 October 08:00.
        var stretches = NonWorkingTime.Between(Calendar, At(2022, 10, 7, 12, 0), At(2022, 10, 10, 8, 0), withHours: true).ToList();

        stretches.ShouldBe(
        [
            (At(2022, 10, 7, 12, 0), At(2022, 10, 7, 13, 30)),
            (At(2022, 10, 7, 17, 0), At(2022, 10, 10, 7, 0)),
        ]);
    }

    [Fact]
    public void a_long_time_line_shades_only_days_off()
    {
        var stretches = NonWorkingTime.Between(Calendar, At(2022, 10, 3, 0, 0), At(2022, 10, 17, 0, 0), withHours: false).ToList();

        stretches.ShouldBe([(At(2022, 10, 8, 0, 0), At(2022, 10, 10, 0, 0)), (At(2022, 10, 15, 0, 0), At(2022, 10, 17, 0, 0))]);
    }

    [Fact]
    public void the_trend_line_breaks_at_a_month_without_a_rate()
    {
        var resolved = new UnitMonthCounts(1, 0, 0, 1, 0, 0, 1, 0, 0, 0);
        var chart = TrendChart.Of(
        [
            new TrendPoint(new ReportMonth(2022, 5), ReportFigures.From(resolved)),
            new TrendPoint(new ReportMonth(2022, 6), ReportFigures.From(UnitMonthCounts.Zero)),
            new TrendPoint(new ReportMonth(2022, 7), ReportFigures.From(resolved)),
        ]);

        chart.OnTimePath.Split('M', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public void the_ranking_sums_a_districts_communes_into_it_and_puts_the_lowest_rate_first()
    {
        Unit province = new("P", "Tỉnh", UnitLevel.Province, null), department = new("D", "Sở", UnitLevel.Department, "P"),
            district = new("H", "Huyện", UnitLevel.District, "P"), commune = new("X", "Xã", UnitLevel.Commune, "H");
        var tree = OrganisationTree.Build([province, department, district, commune]).Tree!;
        var rows = Form06Rows.ByUnit([province, department, district, commune], new Dictionary<string, UnitMonthCounts>
        {
            ["D"] = Resolved(early: 3, late: 1),
            ["H"] = Resolved(early: 2, late: 0),
            ["X"] = Resolved(early: 0, late: 2),
        });
        var report = new Form06Report(ReportPeriod.Month(2022, 8), province.Code, province.Name, ReportRowsBy.Unit, rows, false, null, null);

        var ranking = UnitRanking.Of(report, new UnitScope(province, tree.Subtree("P")), tree);

        ranking.Ranked.Select(r => (r.Unit.Code, r.Figures.Resolved, r.Figures.ResolvedLate)).ShouldBe([("H", 4, 2), ("D", 4, 1)]);
    }

    [Fact]
    public void both_languages_name_every_event_type_and_event_field()
    {
        DashboardText.English.EventTypeNames.Keys.Order().ShouldBe(DashboardText.Vietnamese.EventTypeNames.Keys.Order());
        DashboardText.English.EventFieldNames.Keys.Order().ShouldBe(DashboardText.Vietnamese.EventFieldNames.Keys.Order());
    }

    [Theory]
    [InlineData(EventSources.OneStop, "Xin lỗi, hẹn lại ngày trả")]
    [InlineData(EventSources.NationalPortal, "Xin lỗi, hẹn lại ngày trả")]
    [InlineData(EventSources.Tracker, "Quá hạn xử lý (hệ thống tự ghi nhận)")]
    public void a_late_event_is_named_an_apology_unless_the_tracker_recorded_it_at_the_due_time(string source, string name)
    {
        DashboardText.Vietnamese.EventTypeName(EventTypes.Late, source).ShouldBe(name);
    }

    private static UnitMonthCounts Resolved(int early, int late) => UnitMonthCounts.Zero with
    {
        ReceivedOnline = early + late, ResolvedEarly = early, ResolvedLate = late, OnTime766 = early,
    };

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, VietnamTime.Offset);
}
