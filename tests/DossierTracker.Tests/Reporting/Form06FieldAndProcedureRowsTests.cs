using DossierTracker.Calendar;
using DossierTracker.Procedures;
using DossierTracker.Reporting;

namespace DossierTracker.Tests.Reporting;

public sealed class Form06FieldAndProcedureRowsTests
{
    private static readonly ProcessingTime ThreeDays = new(3, ProcessingTimeUnit.WorkingDays);
    private static readonly Procedure Birth = new("1.004227", "Đăng ký khai sinh", ThreeDays, new ProcedureField("G09-HT01", "Hộ tịch"));
    private static readonly Procedure Death = new("1.000656", "Đăng ký khai tử", ThreeDays, new ProcedureField("G09-HT01", "Hộ tịch (khai tử)"));
    private static readonly Procedure Land = new("1.003010", "Đăng ký biến động đất đai", ThreeDays, new ProcedureField("G09-TN01", "Đất đai"));
    private static readonly Procedure Copy = new("2.000815", "Chứng thực bản sao", ThreeDays);
    private static readonly Procedure[] All = [Land, Copy, Birth, Death];

    [Fact]
    public void field_rows_run_by_code_then_the_row_without_a_field_then_the_total()
    {
        var rows = Form06Rows.ByField(All, new Dictionary<string, UnitMonthCounts>());

        rows.Select(r => (r.Kind, r.FieldCode)).ShouldBe([
            (ReportRowKind.Field, "G09-HT01"), (ReportRowKind.Field, "G09-TN01"), (ReportRowKind.Field, null), (ReportRowKind.Total, null)]);
    }

    [Fact]
    public void a_field_s_row_sums_its_procedures_and_takes_its_name_from_the_lowest_procedure_code()
    {
        var rows = Form06Rows.ByField(All, new Dictionary<string, UnitMonthCounts>
        {
            [Birth.Code] = Counts.Of(receivedOnline: 2),
            [Death.Code] = Counts.Of(receivedDirect: 3),
        });

        (rows[0].FieldName, rows[0].Figures.Received).ShouldBe(("Hộ tịch (khai tử)", 5));
    }

    [Fact]
    public void codes_that_are_not_known_procedures_count_in_the_row_without_a_field()
    {
        var rows = Form06Rows.ByField(All, new Dictionary<string, UnitMonthCounts>
        {
            [Copy.Code] = Counts.Of(receivedOnline: 1),
            ["9.999999"] = Counts.Of(receivedOnline: 4),
        });

        (rows[2].FieldCode, rows[2].Figures.Received, rows[^1].Figures.Received).ShouldBe((null, 5, 5));
    }

    [Fact]
    public void the_row_without_a_field_is_there_when_no_procedure_lacks_one() =>
        Form06Rows.ByField([Birth, Land], new Dictionary<string, UnitMonthCounts>())
            .Count(r => r is { Kind: ReportRowKind.Field, FieldCode: null }).ShouldBe(1);

    [Fact]
    public void procedure_rows_list_every_known_procedure_by_code_and_an_unknown_code_with_figures()
    {
        var rows = Form06Rows.ByProcedure(All, new Dictionary<string, UnitMonthCounts> { ["1.9"] = Counts.Of(carriedOver: 1) });

        rows.Select(r => (r.ProcedureCode, r.ProcedureName)).ShouldBe([
            ("1.000656", Death.Name), ("1.003010", Land.Name), ("1.004227", Birth.Name), ("1.9", null), ("2.000815", Copy.Name), (null, null)]);
        rows[^1].Figures.Received.ShouldBe(1);
    }

    [Fact]
    public void with_a_comparison_every_row_and_the_total_carry_the_compared_figures()
    {
        var rows = Form06Rows.ByProcedure(All, new Dictionary<string, UnitMonthCounts> { [Land.Code] = Counts.Of(receivedOnline: 1) },
            new Dictionary<string, UnitMonthCounts> { [Land.Code] = Counts.Of(receivedOnline: 7), [Copy.Code] = Counts.Of(receivedDirect: 2) });

        rows.Select(r => r.Previous!.Received).ShouldBe([0, 7, 0, 2, 9]);
    }

    [Fact]
    public void without_a_comparison_no_row_carries_compared_figures() =>
        Form06Rows.ByField(All, new Dictionary<string, UnitMonthCounts>()).ShouldAllBe(r => r.Previous == null);
}
