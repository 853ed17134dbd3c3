using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DossierTracker.Api.Exports;

namespace DossierTracker.Api.Tests.Exports;

public sealed class MonthlyReportXlsxTests
{
    // Rows 1–5 title block, 6–8 headings, 9 column numbers; then Justice, Environment, departments' subtotal,
    // the commune, communes' subtotal and the total on rows 10–15.
    private static readonly XlsxSheet Sheet = new(MonthlyReportXlsx.Write(SampleReport.Build()));

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void the_package_is_valid_openxml(string language)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(MonthlyReportXlsx.Write(SampleReport.Build(), language)), isEditable: false);

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void the_title_block_names_the_form_the_unit_and_the_period() =>
        new[] { Sheet.Text("A1"), Sheet.Text("A2"), Sheet.Text("A3"), Sheet.Text("A4"), Sheet.Text("A5") }.ShouldBe([
            "Biểu số 06/VPCP/KSTT",
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            "Đơn vị báo cáo: Tỉnh Hòa Bình",
            "Kỳ báo cáo: tháng 08/2022 (từ ngày 01/08/2022 đến ngày 31/08/2022)",
            "Đơn vị tính: Số hồ sơ TTHC",
        ]);

    [Theory]
    [InlineData("A6", "STT", "A6:A8")]
    [InlineData("B6", "Đơn vị / Lĩnh vực", "B6:B8")]
    [InlineData("C6", "Số hồ sơ nhận giải quyết", "C6:F6")]
    [InlineData("G6", "Số hồ sơ đã giải quyết", "G6:J6")]
    [InlineData("K6", "Số hồ sơ đang giải quyết", "K6:M6")]
    [InlineData("N6", "Rút hồ sơ / dừng xử lý", "N6:N8")]
    [InlineData("O6", "Tỷ lệ đúng hạn", "O6:O8")]
    [InlineData("P6", "Số hồ sơ đúng hạn theo QĐ 766", "P6:P8")]
    [InlineData("Q6", "Chỉ số 2.1 – Tiến độ giải quyết (QĐ 766)", "Q6:Q8")]
    [InlineData("R6", "Điểm tiến độ (tối đa 20)", "R6:R8")]
    [InlineData("C7", "Tổng số", "C7:C8")]
    [InlineData("D7", "Trong đó", "D7:F7")]
    [InlineData("G7", "Tổng số", "G7:G8")]
    [InlineData("H7", "Trước hạn", "H7:H8")]
    [InlineData("I7", "Đúng hạn", "I7:I8")]
    [InlineData("J7", "Quá hạn", "J7:J8")]
    [InlineData("K7", "Tổng số", "K7:K8")]
    [InlineData("L7", "Trong hạn", "L7:L8")]
    [InlineData("M7", "Quá hạn", "M7:M8")]
    public void merged_headings_span_the_form_s_columns_and_rows(string reference, string heading, string merge) =>
        (Sheet.Text(reference), Sheet.Merges.Contains(merge)).ShouldBe((heading, true));

    [Fact]
    public void the_third_heading_row_splits_the_received_columns()
    {
        (Sheet.Text("D8"), Sheet.Text("E8"), Sheet.Text("F8")).ShouldBe(("Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước"));
        Sheet.Merges.ShouldNotContain(m => m.StartsWith("D8") || m.StartsWith("E8") || m.StartsWith("F8"));
    }

    [Fact]
    public void the_header_has_exactly_the_form_s_merges_plus_the_title_block() =>
        Sheet.Merges.Count.ShouldBe(4 + 10 + 9);

    [Fact]
    public void header_cells_are_bold_and_bordered() =>
        (Sheet.IsBold("C6"), Sheet.HasThinBorder("C6"), Sheet.HasThinBorder("F6"), Sheet.HasThinBorder("A8")).ShouldBe((true, true, true, true));

    [Fact]
    public void the_column_number_row_runs_from_1_to_18() =>
        Enumerable.Range(0, 18).Select(i => Sheet.Text($"{(char)('A' + i)}9"))
            .ShouldBe(Enumerable.Range(1, 18).Select(n => $"({n})"));

    [Fact]
    public void a_unit_row_holds_its_figures_as_numeric_cells() =>
        "ACDEFGHIJKLMNP".Select(column => Sheet.Number($"{column}10"))
            .ShouldBe([1, 18, 10, 5, 3, 6, 2, 3, 1, 9, 7, 2, 3, 11]);

    [Fact]
    public void a_unit_row_names_its_unit() =>
        Sheet.Text("B10").ShouldBe("Sở Tư pháp");

    [Fact]
    public void rates_are_fractions_shown_as_percentages() =>
        (Sheet.Number("O10"), Sheet.NumberFormat("O10"), Sheet.Number("Q10"), Sheet.NumberFormat("Q10"))
            .ShouldBe((5.0 / 6, "0.00%", 11.0 / 18, "0.00%"));

    [Fact]
    public void points_are_shown_with_two_decimals() =>
        (Sheet.Number("R10"), Sheet.NumberFormat("R10")).ShouldBe((11.0 / 18 * 20, "0.00"));

    [Fact]
    public void a_rate_without_denominator_is_an_empty_cell() =>
        Sheet.IsEmpty("O11").ShouldBeTrue();

    [Fact]
    public void subtotal_rows_are_labelled_by_level_bold_and_unnumbered()
    {
        (Sheet.Text("B12"), Sheet.Text("B14")).ShouldBe(("Cộng cấp sở, ban, ngành", "Cộng cấp xã"));
        (Sheet.IsEmpty("A12"), Sheet.IsBold("C12"), Sheet.Number("C12")).ShouldBe((true, true, 20));
    }

    [Fact]
    public void unit_rows_are_numbered_across_levels() =>
        Sheet.Number("A13").ShouldBe(3);

    [Fact]
    public void the_total_row_sums_every_unit_in_bold()
    {
        (Sheet.Text("B15"), Sheet.IsBold("B15")).ShouldBe(("TỔNG CỘNG", true));
        "CDEFGHIJKLMN".Select(column => Sheet.Number($"{column}15")).ShouldBe([1220, 1210, 7, 3, 1206, 1002, 203, 1, 11, 8, 3, 3]);
        Sheet.Number("O15").ShouldBe(1205.0 / 1206);
    }

    [Fact]
    public void panes_are_frozen_below_the_header_and_right_of_the_unit_names() =>
        Sheet.FrozenAt.ShouldBe("C10");

    [Fact]
    public void english_keeps_the_form_number_and_translates_the_headings()
    {
        var sheet = new XlsxSheet(MonthlyReportXlsx.Write(SampleReport.Build(), "en"));

        (sheet.Text("A1"), sheet.Text("A6"), sheet.Text("E8"), sheet.Text("B15")).ShouldBe(("Form 06/VPCP/KSTT", "No.", "Direct or postal", "GRAND TOTAL"));
    }

    [Fact]
    public void an_unknown_language_is_refused() =>
        Should.Throw<ArgumentException>(() => MonthlyReportXlsx.Write(SampleReport.Build(), "fr"));
}
