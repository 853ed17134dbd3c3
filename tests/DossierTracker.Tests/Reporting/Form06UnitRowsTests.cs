using DossierTracker.Organisation;
using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

public sealed class Form06UnitRowsTests
{
    private static readonly Unit Province = new("H22", "Tỉnh Hòa Bình", UnitLevel.Province, null);
    private static readonly Unit DepartmentB = new("H22.02", "Sở Tài nguyên và Môi trường", UnitLevel.Department, "H22");
    private static readonly Unit DepartmentA = new("H22.01", "Sở Tư pháp", UnitLevel.Department, "H22");
    private static readonly Unit District = new("H22.30", "Huyện Lạc Sơn", UnitLevel.District, "H22");
    private static readonly Unit CommuneB = new("H22.30.02", "Xã Ân Nghĩa", UnitLevel.Commune, "H22.30");
    private static readonly Unit CommuneA = new("H22.30.01", "Thị trấn Vụ Bản", UnitLevel.Commune, "H22.30");

    [Fact]
    public void unit_rows_run_by_level_then_code_each_level_closed_by_its_subtotal_and_the_total_last()
    {
        var report = Build([CommuneB, District, DepartmentB, Province, CommuneA, DepartmentA], []);

        report.Select(Describe).ShouldBe([
            "unit H22", "subtotal Province",
            "unit H22.01", "unit H22.02", "subtotal Department",
            "unit H22.30", "subtotal District",
            "unit H22.30.01", "unit H22.30.02", "subtotal Commune",
            "total",
        ]);
    }

    [Fact]
    public void codes_are_ordered_ordinally_not_by_culture()
    {
        var lower = DepartmentA with { Code = "h22.01" };
        var upper = DepartmentB with { Code = "H22.99" };

        var report = Build([lower, upper], []);

        report.Where(r => r.Kind == ReportRowKind.Unit).Select(r => r.UnitCode).ShouldBe(["H22.99", "h22.01"]);
    }

    [Fact]
    public void a_level_without_units_has_no_subtotal()
    {
        var report = Build([Province, DepartmentA, CommuneA], []);

        report.Where(r => r.Kind == ReportRowKind.Subtotal).Select(r => r.Level).ShouldBe([UnitLevel.Province, UnitLevel.Department, UnitLevel.Commune]);
    }

    [Fact]
    public void a_unit_without_counts_gets_a_row_of_zeros()
    {
        var report = Build([DepartmentA, DepartmentB], new() { [DepartmentA.Code] = Counts.Of(receivedOnline: 3) });

        report.Single(r => r.UnitCode == DepartmentB.Code).Figures.ShouldBe(ReportFigures.From(UnitMonthCounts.Zero));
    }

    [Fact]
    public void subtotal_recomputes_the_on_time_rate_from_summed_counts_instead_of_averaging_rates()
    {
        // Averaging the units' rates (0 and 1) would give 0.5; the level resolved 99 of 100 on time.
        var report = Build([DepartmentA, DepartmentB], new()
        {
            [DepartmentA.Code] = Counts.Of(receivedOnline: 1, resolvedLate: 1),
            [DepartmentB.Code] = Counts.Of(receivedOnline: 99, resolvedOnTime: 99, onTime766: 99),
        });

        Subtotal(report, UnitLevel.Department).Figures.OnTimeRate.ShouldBe(0.99);
    }

    [Fact]
    public void total_recomputes_indicator_766_from_counts_summed_over_all_levels()
    {
        // Averaging the two levels' indicators (1 and 0) would give 0.5; 9 of 10 received dossiers are within due.
        var report = Build([DepartmentA, CommuneA], new()
        {
            [DepartmentA.Code] = Counts.Of(receivedDirect: 9, inProgressOnTime: 9, onTime766: 9),
            [CommuneA.Code] = Counts.Of(receivedOnline: 1, inProgressOverdue: 1),
        });

        report[^1].Figures.Indicator766.ShouldBe(0.9);
    }

    [Fact]
    public void subtotal_rows_name_only_their_level()
    {
        var subtotal = Subtotal(Build([District], []), UnitLevel.District);

        (subtotal.UnitCode, subtotal.UnitName, subtotal.Level).ShouldBe((null, null, UnitLevel.District));
    }

    [Fact]
    public void the_total_row_names_no_unit_and_no_level()
    {
        var total = Build([District], [])[^1];

        (total.Kind, total.UnitCode, total.UnitName, total.Level).ShouldBe((ReportRowKind.Total, null, null, null));
    }

    [Fact]
    public void a_report_without_units_has_only_a_zero_total()
    {
        var report = Build([], []);

        report.ShouldHaveSingleItem().Figures.ShouldBe(ReportFigures.From(UnitMonthCounts.Zero));
    }

    [Fact]
    public void counts_for_a_unit_outside_the_report_are_refused_rather_than_lost() =>
        Should.Throw<ArgumentException>(() => Build([DepartmentA], new() { ["H22.99"] = Counts.Of(receivedOnline: 1) }))
            .Message.ShouldContain("H22.99");

    [Fact]
    public void a_unit_listed_twice_is_refused() =>
        Should.Throw<ArgumentException>(() => Build([DepartmentA, DepartmentA], []));

    private static IReadOnlyList<Form06Row> Build(Unit[] units, Dictionary<string, UnitMonthCounts> counts) =>
        Form06Rows.ByUnit(units, counts);

    private static Form06Row Subtotal(IReadOnlyList<Form06Row> report, UnitLevel level) =>
        report.Single(r => r.Kind == ReportRowKind.Subtotal && r.Level == level);

    private static string Describe(Form06Row row) => row.Kind switch
    {
        ReportRowKind.Unit => $"unit {row.UnitCode}",
        ReportRowKind.Subtotal => $"subtotal {row.Level}",
        _ => "total",
    };
}
