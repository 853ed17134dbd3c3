using System.Net;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>The admin area's unit form: adds and changes units through the API's own checks, scoped, with a reason.</summary>
public sealed class UnitFormTests(TrackerApp app) : ReferenceAdminScenario(app)
{
    private const string NewCommune = "000.11.02.H99";

    [Fact]
    public async Task an_admin_adds_a_unit_under_a_district_and_the_change_is_audited_with_the_account_and_reason()
    {
        using var browser = await AdminAsync();

        var response = await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = NewCommune, ["name"] = "Xã Thu Phong", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictA,
            ["validFrom"] = "01/07/2025", ["reason"] = "Thành lập xã theo Nghị quyết 1656",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var unit = (await UnitAsync(NewCommune)).ShouldNotBeNull();
        unit["parentCode"]!.GetValue<string>().ShouldBe(TestProvince.DistrictA);
        unit["validFrom"]!.GetValue<string>().ShouldBe("2025-07-01");
        var entry = (await AccountAuditAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.ActorName, entry.Subject, entry.Reason)
            .ShouldBe((AuditActions.UnitCreated, AdminName, NewCommune, "Thành lập xã theo Nghị quyết 1656"));
    }

    [Fact]
    public async Task renaming_a_unit_and_ending_it_with_a_successor_keeps_what_the_form_does_not_show()
    {
        using var browser = await AdminAsync();
        (await browser.GetAsync("/admin/units?edit=" + TestProvince.CommuneA1)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PostAsync(browser, "/admin/units?edit=" + TestProvince.CommuneA1, "Save", new()
        {
            ["code"] = TestProvince.CommuneA1, ["name"] = "Xã Bắc Phong (cũ)", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictA,
            ["validTo"] = "30/06/2025", ["successorCode"] = TestProvince.DistrictA, ["reason"] = "Sáp nhập",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var unit = (await UnitAsync(TestProvince.CommuneA1)).ShouldNotBeNull();
        (unit["name"]!.GetValue<string>(), unit["validTo"]!.GetValue<string>(), unit["successorCode"]!.GetValue<string>())
            .ShouldBe(("Xã Bắc Phong (cũ)", "2025-06-30", TestProvince.DistrictA));
    }

    [Fact]
    public async Task without_a_reason_the_form_says_so_and_nothing_changes()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = NewCommune, ["name"] = "Xã Thu Phong", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictA, ["reason"] = "  ",
        }));

        FieldErrors(html, "reason").ShouldBe([AdminReferenceText.Vietnamese.ReasonRequired]);
        (await UnitAsync(NewCommune)).ShouldBeNull();
        (await AccountAuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_api_s_message_for_an_unknown_successor_is_shown_beside_the_successor_and_nothing_changes()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = TestProvince.CommuneA1, ["name"] = "Xã Bắc Phong", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictA,
            ["validTo"] = "30/06/2025", ["successorCode"] = "000.99.99.H99", ["reason"] = "Sáp nhập",
        }));

        FieldErrors(html, "successorCode").ShouldBe(["The successor unit '000.99.99.H99' is unknown."]);
        (await UnitAsync(TestProvince.CommuneA1))!["validTo"].ShouldBeNull();
    }

    [Fact]
    public async Task a_date_not_written_dd_mm_yyyy_is_refused_beside_its_field()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = NewCommune, ["name"] = "Xã Thu Phong", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictA,
            ["validFrom"] = "07/31/2025", ["reason"] = "Thành lập",
        }));

        FieldErrors(html, "validFrom").ShouldBe([AdminReferenceText.Vietnamese.DateInvalid]);
        (await UnitAsync(NewCommune)).ShouldBeNull();
    }

    [Fact]
    public async Task a_district_admin_sees_its_subtree_only_and_cannot_edit_a_unit_outside_it()
    {
        using var browser = await AdminAsync("huyen.a", TestProvince.DistrictA);

        var tree = await HtmlAsync(await browser.GetAsync("/admin/units"));
        var outside = await browser.GetAsync("/admin/units?edit=" + TestProvince.CommuneB1);
        var html = await HtmlAsync(await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = TestProvince.CommuneB1, ["name"] = "Xã Tú Lý (đổi tên)", ["level"] = "commune", ["parentCode"] = TestProvince.DistrictB,
            ["reason"] = "Thử",
        }));

        tree.ShouldContain($"data-code=\"{TestProvince.CommuneA1}\"");
        tree.ShouldNotContain($"data-code=\"{TestProvince.CommuneB1}\"");
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        html.ShouldContain("data-testid=\"general-error\"");
        (await UnitAsync(TestProvince.CommuneB1))!["name"]!.GetValue<string>().ShouldBe("Xã Tú Lý");
    }

    [Fact]
    public async Task a_district_admin_renames_its_own_district_but_cannot_move_it()
    {
        using var browser = await AdminAsync("huyen.a", TestProvince.DistrictA);

        var renamed = await PostAsync(browser, "/admin/units", "Save", new()
        {
            ["code"] = TestProvince.DistrictA, ["name"] = "Thị xã Cao Phong", ["level"] = "district", ["parentCode"] = TestProvince.Province, ["reason"] = "Lên thị xã",
        });

        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await renamed.Content.ReadAsStringAsync());
        (await UnitAsync(TestProvince.DistrictA))!["name"]!.GetValue<string>().ShouldBe("Thị xã Cao Phong");
    }

    [Fact]
    public async Task the_api_refuses_a_district_admin_key_changing_a_unit_of_another_district()
    {
        var districtAdmin = await App.CreateKeyAsync(DossierTracker.Api.Security.Roles.Admin, TestProvince.DistrictA, "district admin");

        var response = await SendAsync(HttpMethod.Put, "/api/units",
            new[] { new { code = TestProvince.CommuneB1, name = "Đổi", level = "commune", parentCode = TestProvince.DistrictB } }, districtAdmin);

        ShouldHaveType(await ProblemOf(response, HttpStatusCode.Forbidden), "forbidden");
        (await UnitAsync(TestProvince.CommuneB1))!["name"]!.GetValue<string>().ShouldBe("Xã Tú Lý");
    }
}
