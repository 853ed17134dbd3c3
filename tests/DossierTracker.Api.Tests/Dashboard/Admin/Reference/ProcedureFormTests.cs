using System.Net;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>The admin area's procedure form: the catalogue with fields and processing times, changed through the API's checks.</summary>
public sealed class ProcedureFormTests(TrackerApp app) : ReferenceAdminScenario(app)
{
    [Fact]
    public async Task an_admin_adds_a_procedure_with_its_field_and_processing_time_and_sees_it_listed()
    {
        using var browser = await AdminAsync();

        var response = await PostAsync(browser, "/admin/procedures", "Save", new()
        {
            ["code"] = "1.001612", ["name"] = "Cấp giấy phép xây dựng", ["processingValue"] = "15", ["processingUnit"] = "working-days",
            ["fieldCode"] = "G09-XD", ["fieldName"] = "Xây dựng", ["reason"] = "Bổ sung theo Quyết định công bố thủ tục",
        });
        var list = await HtmlAsync(await browser.GetAsync("/admin/procedures"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var procedure = (await ProcedureAsync("1.001612")).ShouldNotBeNull();
        (procedure["processingTime"]!["value"]!.GetValue<int>(), procedure["field"]!["code"]!.GetValue<string>()).ShouldBe((15, "G09-XD"));
        list.ShouldContain("data-code=\"1.001612\"");
        list.ShouldContain("15 ngày làm việc");
        var entry = (await AccountAuditAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.Subject, entry.Reason).ShouldBe((AuditActions.ProcedureCreated, "1.001612", "Bổ sung theo Quyết định công bố thủ tục"));
    }

    [Fact]
    public async Task changing_a_processing_time_is_audited_with_before_and_after()
    {
        using var browser = await AdminAsync();

        var response = await PostAsync(browser, "/admin/procedures?edit=" + TestProvince.BirthRegistration, "Save", new()
        {
            ["code"] = TestProvince.BirthRegistration, ["name"] = "Đăng ký khai sinh", ["processingValue"] = "1", ["processingUnit"] = "working-days",
            ["reason"] = "Rút ngắn thời hạn",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await ProcedureAsync(TestProvince.BirthRegistration))!["processingTime"]!["value"]!.GetValue<int>().ShouldBe(1);
        (await AccountAuditAsync()).ShouldHaveSingleItem().Action.ShouldBe(AuditActions.ProcedureChanged);
    }

    [Fact]
    public async Task a_processing_time_out_of_range_gets_the_api_s_message_beside_the_field_and_nothing_is_stored()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/procedures", "Save", new()
        {
            ["code"] = "1.001612", ["name"] = "Cấp giấy phép xây dựng", ["processingValue"] = "5000", ["processingUnit"] = "working-days",
            ["reason"] = "Bổ sung",
        }));

        FieldErrors(html, "processingTime.value").ShouldBe(["processingTime.value must be a whole number from 0 to 3650."]);
        (await ProcedureAsync("1.001612")).ShouldBeNull();
        (await AccountAuditAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_field_code_named_differently_from_a_stored_procedure_is_the_api_s_conflict_shown_on_the_form()
    {
        using var browser = await AdminAsync();
        (await PostAsync(browser, "/admin/procedures", "Save", new()
        {
            ["code"] = "P-1", ["name"] = "Một", ["processingValue"] = "1", ["processingUnit"] = "working-days",
            ["fieldCode"] = "G01", ["fieldName"] = "Hộ tịch", ["reason"] = "Bổ sung",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var html = await HtmlAsync(await PostAsync(browser, "/admin/procedures", "Save", new()
        {
            ["code"] = "P-2", ["name"] = "Hai", ["processingValue"] = "1", ["processingUnit"] = "working-days",
            ["fieldCode"] = "G01", ["fieldName"] = "Tư pháp", ["reason"] = "Bổ sung",
        }));

        FieldErrors(html, "field.name").ShouldHaveSingleItem().ShouldContain("'Hộ tịch' on stored procedure(s) P-1");
        (await ProcedureAsync("P-2")).ShouldBeNull();
    }
}
