using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DossierTracker.Api.Exports;
using DossierTracker.Calendar;
using DossierTracker.Procedures;
using DossierTracker.Reporting;

namespace DossierTracker.Api.Tests.Exports;

/// <summary>
/// Form 06 by field over the official first quarter of 2025, compared with the quarter before, provisional: the
/// exports name the rows in column (2), carry the period's dates, the provisional note and the compared figures.
/// </summary>
public sealed class Form06ByFieldExportTests
{
    private static readonly ProcessingTime OneDay = new(1, ProcessingTimeUnit.WorkingDays);
    private static readonly Procedure[] Procedures =
    [
        new("1.004227", "Đăng ký khai sinh", OneDay, new ProcedureField("G09-HT01", "Hộ tịch")),
        new("2.000815", "Chứng thực bản sao", OneDay),
    ];

    private static Form06Report Report()
    {
        var period = ReportPeriod.Quarter(2025, 1, PeriodCutoff.Official);
        var rows = Form06Rows.ByField(Procedures,
            new Dictionary<string, UnitMonthCounts> { ["1.004227"] = new(10, 2, 1, 5, 1, 1, 9, 4, 1, 1), ["2.000815"] = new(3, 0, 0, 3, 0, 0, 3, 0, 0, 0) },
            new Dictionary<string, UnitMonthCounts> { ["1.004227"] = new(8, 1, 0, 6, 0, 1, 7, 1, 0, 1) });
        return new Form06Report(period, SampleReport.Province.Code, SampleReport.Province.Name, ReportRowsBy.Field, rows,
            Provisional: true, AsOf: new DateTimeOffset(2025, 3, 4, 8, 30, 0, VietnamTime.Offset), ComparedWith: period.Previous());
    }

    private static readonly byte[] Workbook = Form06Xlsx.Write(Report(), SampleReport.Tree);

    [Fact]
    public void the_package_is_valid_openxml()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(Workbook), isEditable: false);

        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void column_2_is_the_form_s_field_column_and_names_each_field()
    {
        var sheet = new XlsxSheet(Workbook);

        (sheet.Text("B6"), sheet.Text("B10"), sheet.Text("B11"), sheet.Text("B12")).ShouldBe(
            ("Lĩnh vực, công việc giải quyết", "Hộ tịch", "Chưa xác định lĩnh vực", "TỔNG CỘNG"));
        (sheet.Number("A10"), sheet.Number("A11"), sheet.IsEmpty("A12")).ShouldBe((1, 2, true));
    }

    [Fact]
    public void the_period_line_gives_the_official_dates_and_the_provisional_note() =>
        new XlsxSheet(Workbook).Text("A4").ShouldBe("Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/03/2025 – Số liệu tạm tính đến 08:30 04/03/2025");

    [Fact]
    public void the_compared_period_follows_on_two_sheets_of_its_own_after_the_filed_ones()
    {
        var compared = new XlsxSheet(Workbook, sheetIndex: 2);

        compared.SheetNames.ShouldBe(["Biểu 06", "Chỉ tiêu bổ sung", "Biểu 06 (kỳ so sánh)", "Chỉ tiêu bổ sung (kỳ so sánh)"]);
        compared.Text("A4").ShouldBe("Kỳ so sánh: từ ngày 15/09/2024 đến ngày 14/12/2024");
        (compared.Number("C10"), compared.Number("C12")).ShouldBe((9, 9));
        compared.RowHolding("Người lập biểu").ShouldBeNull();
    }

    [Fact]
    public void the_csv_heads_the_table_with_the_unit_the_period_the_note_and_the_compared_period()
    {
        var lines = new UTF8Encoding(false).GetString(Form06Csv.Write(Report()).AsSpan(3)).Split("\r\n");

        lines[..5].ShouldBe([
            "Đơn vị báo cáo: Tỉnh Hòa Bình",
            "Kỳ báo cáo: từ ngày 15/12/2024 đến ngày 14/03/2025",
            "Số liệu tạm tính đến 08:30 04/03/2025",
            "Kỳ so sánh: từ ngày 15/09/2024 đến ngày 14/12/2024",
            "",
        ]);
        lines[5].ShouldStartWith("kind,fieldCode,fieldName,received,");
        lines[5].ShouldEndWith(",previous.indicator766,previous.points766");
        lines[6].ShouldStartWith("field,G09-HT01,Hộ tịch,13,");
        lines[7].ShouldStartWith("field,,,3,");
    }
}
