using DossierTracker.Organisation;
using DossierTracker.Reporting;
using FsCheck.Xunit;

namespace DossierTracker.Tests.Reporting;

[Properties(Arbitrary = [typeof(ReportArbitraries)], MaxTest = 300)]
public sealed class Form06UnitRowsProperties
{
    [Property]
    public bool the_total_is_the_sum_of_all_counts_given(AnyReportInput input) =>
        Build(input)[^1].Figures == ReportFigures.From(UnitMonthCounts.Sum(input.Counts.Values));

    [Property]
    public bool the_unit_rows_sum_to_the_total(AnyReportInput input)
    {
        var report = Build(input);

        return ReportFigures.Sum(report.Where(r => r.Kind == ReportRowKind.Unit).Select(r => r.Figures)) == report[^1].Figures;
    }

    [Property]
    public bool the_subtotals_sum_to_the_total(AnyReportInput input)
    {
        var report = Build(input);

        return ReportFigures.Sum(report.Where(r => r.Kind == ReportRowKind.Subtotal).Select(r => r.Figures)) == report[^1].Figures;
    }

    [Property]
    public bool each_subtotal_sums_the_unit_rows_of_its_level(AnyReportInput input)
    {
        var report = Build(input);

        return report.Where(r => r.Kind == ReportRowKind.Subtotal).All(subtotal =>
            subtotal.Figures == ReportFigures.Sum(report.Where(r => r.Kind == ReportRowKind.Unit && r.Level == subtotal.Level).Select(r => r.Figures)));
    }

    [Property]
    public bool every_unit_has_exactly_one_row(AnyReportInput input) =>
        Build(input).Where(r => r.Kind == ReportRowKind.Unit).Select(r => r.UnitCode).Order()
            .SequenceEqual(input.Units.Select(u => u.Code).Order());

    private static IReadOnlyList<Form06Row> Build(AnyReportInput input) => Form06Rows.ByUnit(input.Units, input.Counts);
}
