using System.Net;
using System.Text;
using System.Text.Json;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>
/// Uploads of units and procedures: previewed (what each row adds or changes), applied only when confirmed, and refused
/// as a whole, with the errors by row, when any row is invalid.
/// </summary>
public sealed class UploadTests(TrackerApp app) : ReferenceAdminScenario(app)
{
    private static byte[] Json(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));

    [Fact]
    public async Task a_json_file_of_units_is_previewed_then_applied_on_confirm()
    {
        using var browser = await AdminAsync();
        var file = Json(new object[]
        {
            new { code = "000.11.02.H99", name = "Xã Thu Phong", level = "commune", parentCode = TestProvince.DistrictA },
            new { code = TestProvince.CommuneA1, name = "Xã Bắc Phong", level = "commune", parentCode = TestProvince.DistrictA },
            new { code = TestProvince.Justice, name = "Sở Tư pháp tỉnh", level = "department", parentCode = TestProvince.Province },
        });

        var preview = await HtmlAsync(await UploadAsync(browser, "/admin/units", "units.json", file, "Cập nhật danh mục"));
        (await UnitAsync("000.11.02.H99")).ShouldBeNull();
        var applied = await ApplyPreviewAsync(browser, "/admin/units", preview, "Cập nhật danh mục");

        preview.ShouldContain("data-testid=\"preview-row\" data-change=\"added\"");
        preview.ShouldContain("data-change=\"unchanged\"");
        preview.ShouldContain("name: Sở Tư pháp → Sở Tư pháp tỉnh");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, await applied.Content.ReadAsStringAsync());
        (await UnitAsync("000.11.02.H99")).ShouldNotBeNull();
        (await UnitAsync(TestProvince.Justice))!["name"]!.GetValue<string>().ShouldBe("Sở Tư pháp tỉnh");
        (await AccountAuditAsync()).Select(e => (e.Action, e.Reason))
            .ShouldBe([(AuditActions.UnitCreated, "Cập nhật danh mục"), (AuditActions.UnitChanged, "Cập nhật danh mục")], ignoreOrder: true);
    }

    [Fact]
    public async Task an_xlsx_sheet_of_units_with_dd_mm_yyyy_dates_is_applied()
    {
        using var browser = await AdminAsync();
        var file = Workbooks.Xlsx(
            ["code", "name", "level", "parentCode", "validFrom", "validTo", "successorCode"],
            ["000.11.02.H99", "Xã Thu Phong", "commune", TestProvince.DistrictA, "01/07/2025", null, null],
            [TestProvince.CommuneA1, "Xã Bắc Phong", "commune", TestProvince.DistrictA, null, "30/06/2025", "000.11.02.H99"]);

        var preview = await HtmlAsync(await UploadAsync(browser, "/admin/units", "don-vi.xlsx", file, "Sắp xếp đơn vị hành chính"));
        var applied = await ApplyPreviewAsync(browser, "/admin/units", preview, "Sắp xếp đơn vị hành chính");

        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, preview);
        (await UnitAsync("000.11.02.H99"))!["validFrom"]!.GetValue<string>().ShouldBe("2025-07-01");
        var merged = (await UnitAsync(TestProvince.CommuneA1))!;
        (merged["validTo"]!.GetValue<string>(), merged["successorCode"]!.GetValue<string>()).ShouldBe(("2025-06-30", "000.11.02.H99"));
    }

    [Fact]
    public async Task one_bad_row_of_an_xlsx_sheet_refuses_the_whole_file_and_names_its_row()
    {
        using var browser = await AdminAsync();
        var file = Workbooks.Xlsx(
            ["code", "name", "level", "parentCode"],
            ["000.11.02.H99", "Xã Thu Phong", "commune", TestProvince.DistrictA],
            ["000.11.03.H99", null, "commune", TestProvince.DistrictA],
            ["000.11.04.H99", "Xã Mới", "hamlet", TestProvince.DistrictA]);

        var html = await HtmlAsync(await UploadAsync(browser, "/admin/units", "don-vi.xlsx", file, "Thử"));

        UploadErrors(html).ShouldBe([(3, "name is required (1–300 characters)."), (4, "The value at $.level has the wrong type or format.")]);
        html.ShouldNotContain("data-testid=\"apply-form\"");
        (await UnitAsync("000.11.02.H99")).ShouldBeNull();
    }

    [Fact]
    public async Task a_json_file_whose_tree_is_broken_refuses_every_row()
    {
        using var browser = await AdminAsync();
        var file = Json(new object[]
        {
            new { code = "000.11.02.H99", name = "Xã Thu Phong", level = "commune", parentCode = TestProvince.DistrictA },
            new { code = "000.11.03.H99", name = "Xã Lạc", level = "commune", parentCode = "000.77.00.H99" },
        });

        var html = await HtmlAsync(await UploadAsync(browser, "/admin/units", "units.json", file, "Thử"));

        UploadErrors(html).ShouldBe([(2, "The parent unit '000.77.00.H99' is unknown.")]);
        (await UnitAsync("000.11.02.H99")).ShouldBeNull();
    }

    [Fact]
    public async Task an_xlsx_sheet_of_procedures_with_fields_is_previewed_and_applied()
    {
        using var browser = await AdminAsync();
        var file = Workbooks.Xlsx(
            ["code", "name", "processingTime.value", "processingTime.unit", "field.code", "field.name"],
            ["1.001612", "Cấp giấy phép xây dựng", 15, "working-days", "G09-XD", "Xây dựng"],
            [TestProvince.Certification, "Chứng thực bản sao từ bản chính", 8, "working-hours", null, null]);

        var preview = await HtmlAsync(await UploadAsync(browser, "/admin/procedures", "thu-tuc.xlsx", file, "Công bố thủ tục mới"));
        var applied = await ApplyPreviewAsync(browser, "/admin/procedures", preview, "Công bố thủ tục mới");

        preview.ShouldContain("data-change=\"added\"");
        preview.ShouldContain("data-change=\"unchanged\"");
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect, preview);
        var procedure = (await ProcedureAsync("1.001612"))!;
        (procedure["processingTime"]!["value"]!.GetValue<int>(), procedure["field"]!["name"]!.GetValue<string>()).ShouldBe((15, "Xây dựng"));
        (await AccountAuditAsync()).ShouldHaveSingleItem().Subject.ShouldBe("1.001612");
    }

    [Fact]
    public async Task one_bad_procedure_in_a_json_file_refuses_them_all()
    {
        using var browser = await AdminAsync();
        var file = Json(new object[]
        {
            new { code = "1.001612", name = "Cấp giấy phép xây dựng", processingTime = new { value = 15, unit = "working-days" } },
            new { code = "1.001613", name = "Gia hạn giấy phép", processingTime = new { value = 15 } },
        });

        var html = await HtmlAsync(await UploadAsync(browser, "/admin/procedures", "thu-tuc.json", file, "Thử"));

        UploadErrors(html).ShouldBe([(2, "processingTime.unit must be working-days, working-hours or calendar-days.")]);
        (await ProcedureAsync("1.001612")).ShouldBeNull();
    }

    [Fact]
    public async Task a_file_that_is_no_workbook_is_refused()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await UploadAsync(browser, "/admin/units", "units.xlsx", Encoding.UTF8.GetBytes("not a zip"), "Thử"));

        html.ShouldContain("data-testid=\"upload-errors\"");
        html.ShouldNotContain("data-testid=\"apply-form\"");
    }
}
