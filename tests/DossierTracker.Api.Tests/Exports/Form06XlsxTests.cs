using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using DossierTracker.Api.Exports;
using DossierTracker.Api.Tests.Dashboard;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Tests.Exports;

public sealed class Form06XlsxTests
{
    // Sheet 1: rows 1–2 form number and units, 3 title, 4 period, 5 unit of measure, 6–8 headings, 9 column numbers;
    // then Justice, Environment, departments' subtotal, the commune, communes' subtotal and the total on rows 10–15;
    // a blank row, and the signature block on rows 17–19.
    private static readonly byte[] Workbook = Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree);
    private static readonly XlsxSheet Sheet = new(Workbook);
    // Sheet 2: rows 1–3 title, unit and period, 5 headings, 6 column numbers, the same six rows on 7–12.
    private static readonly XlsxSheet Extras = new(Workbook, sheetIndex: 1);

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void the_package_is_valid_openxml(string language)
    {
        var bytes = Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree, language, new DateOnly(2022, 9, 5));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void the_form_s_header_lines_name_the_form_the_circular_the_units_the_period_and_the_measure() =>
        new[] { Sheet.Text("A1"), Sheet.Text("A2"), Sheet.Text("H1"), Sheet.Text("H2"), Sheet.Text("A3"), Sheet.Text("A4"), Sheet.Text("A5") }.ShouldBe([
            "Biểu số 06/VPCP/KSTT",
            "Ban hành kèm theo Thông tư số 01/2020/TT-VPCP ngày 21/10/2020",
            "Đơn vị báo cáo: Tỉnh Hòa Bình",
            "Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân tỉnh",
            "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            "Kỳ báo cáo: từ ngày 01/08/2022 đến ngày 31/08/2022",
            "Đơn vị tính: Số hồ sơ TTHC",
        ]);

    [Fact]
    public void the_period_line_runs_from_the_month_s_first_to_its_last_day() =>
        new XlsxSheet(Form06Xlsx.Write(EmptyReport("2024-02", SampleReport.Province), SampleReport.Tree)).Text("A4")
            .ShouldBe("Kỳ báo cáo: từ ngày 01/02/2024 đến ngày 29/02/2024");

    [Fact]
    public void a_unit_below_the_province_files_with_its_parent_unit() =>
        new XlsxSheet(Form06Xlsx.Write(EmptyReport("2022-08", SampleReport.Justice), SampleReport.Tree)).Text("H2")
            .ShouldBe("Đơn vị nhận báo cáo: Tỉnh Hòa Bình");

    [Theory]
    [InlineData("A6", "STT", "A6:A8")]
    [InlineData("B6", "Đơn vị", "B6:B8")]
    [InlineData("C6", "Số hồ sơ nhận giải quyết", "C6:F6")]
    [InlineData("G6", "Số hồ sơ đã giải quyết", "G6:J6")]
    [InlineData("K6", "Số hồ sơ đang giải quyết", "K6:M6")]
    [InlineData("C7", "Tổng số", "C7:C8")]
    [InlineData("D7", "Trong đó", "D7:E7")]
    [InlineData("F7", "Từ kỳ trước", "F7:F8")]
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
    public void of_which_splits_only_the_new_receipts_by_channel()
    {
        (Sheet.Text("D8"), Sheet.Text("E8")).ShouldBe(("Trực tuyến", "Trực tiếp, dịch vụ bưu chính"));
        Sheet.Merges.ShouldNotContain(m => m.StartsWith("D8") || m.StartsWith("E8"));
    }

    [Fact]
    public void the_sheet_has_exactly_the_form_s_merges_plus_the_title_and_signature_blocks() =>
        Sheet.Merges.Count.ShouldBe(7 + 15 + 5);

    [Fact]
    public void header_cells_are_bold_and_bordered() =>
        (Sheet.IsBold("C6"), Sheet.HasThinBorder("C6"), Sheet.HasThinBorder("F6"), Sheet.HasThinBorder("A8")).ShouldBe((true, true, true, true));

    [Fact]
    public void the_first_sheet_numbers_the_form_s_13_columns_and_no_more()
    {
        Sheet.TextsOfRow(9).ShouldBe(Enumerable.Range(1, 13).Select(n => $"({n})"));
        Sheet.IsEmpty("N9").ShouldBeTrue();
    }

    [Fact]
    public void a_unit_row_holds_its_figures_as_numeric_cells() =>
        "ACDEFGHIJKLM".Select(column => Sheet.Number($"{column}10"))
            .ShouldBe([1, 18, 10, 5, 3, 6, 2, 3, 1, 9, 7, 2]);

    [Fact]
    public void a_unit_row_names_its_unit() =>
        Sheet.Text("B10").ShouldBe("Sở Tư pháp");

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
        "CDEFGHIJKLM".Select(column => Sheet.Number($"{column}15")).ShouldBe([1220, 1210, 7, 3, 1206, 1002, 203, 1, 11, 8, 3]);
    }

    [Fact]
    public void the_signature_block_under_the_table_has_the_place_and_date_line_and_both_signers()
    {
        Sheet.RowHolding("Người lập biểu").ShouldBe(18);
        new[] { Sheet.Text("H17"), Sheet.Text("A18"), Sheet.Text("H18"), Sheet.Text("A19"), Sheet.Text("H19") }.ShouldBe([
            "…, ngày … tháng … năm …", "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)",
        ]);
    }

    [Fact]
    public void the_signature_date_when_given_is_written_out_in_the_official_style() =>
        new XlsxSheet(Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree, signedOn: new DateOnly(2022, 9, 5))).Text("H17")
            .ShouldBe("…, ngày 05 tháng 09 năm 2022");

    [Fact]
    public void the_extra_columns_are_on_a_second_sheet() =>
        Sheet.SheetNames.ShouldBe(["Biểu 06", "Chỉ tiêu bổ sung"]);

    [Fact]
    public void the_second_sheet_keeps_the_form_s_row_labels_and_the_extra_columns_numbers()
    {
        Extras.TextsOfRow(5).ShouldBe(["STT", "Đơn vị", "Rút hồ sơ / dừng xử lý", "Tỷ lệ đúng hạn",
            "Số hồ sơ đúng hạn theo QĐ 766", "Chỉ số 2.1 – Tiến độ giải quyết (QĐ 766)", "Điểm tiến độ (tối đa 20)"]);
        Extras.TextsOfRow(6).ShouldBe(["(1)", "(2)", "(14)", "(15)", "(16)", "(17)", "(18)"]);
        Enumerable.Range(0, 6).Select(i => Extras.Text($"B{7 + i}")).ShouldBe(Enumerable.Range(0, 6).Select(i => Sheet.Text($"B{10 + i}")));
    }

    [Fact]
    public void the_second_sheet_holds_withdrawn_the_rates_and_indicator_2_1() =>
        "ACDEFG".Select(column => Extras.Number($"{column}7")).ShouldBe([1, 3, 5.0 / 6, 11, 11.0 / 18, 11.0 / 18 * 20]);

    [Fact]
    public void rates_are_fractions_shown_as_percentages_and_points_with_two_decimals() =>
        (Extras.NumberFormat("D7"), Extras.NumberFormat("F7"), Extras.NumberFormat("G7")).ShouldBe(("0.00%", "0.00%", "0.00"));

    [Fact]
    public void a_rate_without_denominator_is_an_empty_cell() =>
        Extras.IsEmpty("D8").ShouldBeTrue();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void each_sheet_prints_on_a4_landscape_one_page_wide(int sheetIndex)
    {
        var page = new XlsxSheet(Workbook, sheetIndex);

        (page.PageSetup.PaperSize?.Value, page.PageSetup.Orientation?.Value, page.PageSetup.FitToWidth?.Value, page.PageSetup.FitToHeight?.Value, page.FitsToPage)
            .ShouldBe((9u, OrientationValues.Landscape, 1u, 0u, true));
    }

    [Fact]
    public void printed_pages_repeat_each_sheet_s_header_rows() =>
        (Sheet.PrintTitles, Extras.PrintTitles).ShouldBe(("'Biểu 06'!$6:$9", "'Chỉ tiêu bổ sung'!$5:$6"));

    [Fact]
    public void panes_are_frozen_below_the_header_and_right_of_the_unit_names() =>
        (Sheet.FrozenAt, Extras.FrozenAt).ShouldBe(("C10", "C7"));

    [Fact]
    public void english_keeps_the_form_number_and_translates_the_headings()
    {
        var bytes = Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree, "en");
        var sheet = new XlsxSheet(bytes);

        new[] { sheet.Text("A1"), sheet.Text("H2"), sheet.Text("A4"), sheet.Text("A6"), sheet.Text("E8"), sheet.Text("F7"), sheet.Text("B15"), sheet.Text("A18") }
            .ShouldBe(["Form 06/VPCP/KSTT", "Receiving unit: Office of the Provincial People's Committee", "Reporting period: from 01/08/2022 to 31/08/2022",
                "No.", "Direct or postal", "Carried over", "GRAND TOTAL", "Prepared by"]);
        sheet.SheetNames.ShouldBe(["Form 06", "Additional figures"]);
        new XlsxSheet(bytes, 1).Text("F5").ShouldBe("Indicator 2.1 – Processing progress (Decision 766)");
    }

    [Fact]
    public void an_unknown_language_is_refused() =>
        Should.Throw<ArgumentException>(() => Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree, "fr"));

    /// <summary>Not a check of the layout (the tests above are): the grid a reviewer reads to see it.</summary>
    [Fact]
    public void the_cell_map_of_the_first_sheet_is_written_for_reviewers()
    {
        var path = Repository.Path("artifacts", "xlsx", "form06-cellmap.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var signed = new XlsxSheet(Form06Xlsx.Write(SampleReport.Build(), SampleReport.Tree, signedOn: new DateOnly(2022, 9, 5)));

        File.WriteAllText(path, signed.CellMap(lastRow: 19, lastColumn: 13));

        File.ReadAllText(path).ShouldContain("Từ kỳ trước");
    }

    private static Form06Report EmptyReport(string month, DossierTracker.Organisation.Unit unit) =>
        SampleReport.Of(ReportMonth.Parse(month), unit, Form06Rows.ByUnit([], new Dictionary<string, UnitMonthCounts>()));
}
