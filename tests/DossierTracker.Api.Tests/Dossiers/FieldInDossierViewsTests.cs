using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dossiers;

/// <summary>
/// The procedure's field (lĩnh vực) in the dossier view and the late and due-soon lists: <c>fieldCode</c> and
/// <c>fieldName</c> from the catalogue as it is now, absent for a procedure without a field.
/// </summary>
public sealed class FieldInDossierViewsTests(TrackerApp app) : ApiScenario(app)
{
    // Now is Tuesday 2026-03-10 10:00 (+07:00).
    private const string Late = "LATE-LAND";
    private const string Soon = "SOON-CERT";
    private const string NoField = "LATE-BIRTH";

    private async Task ArrangeAsync()
    {
        (await SendAsync(HttpMethod.Put, "/api/procedures", new[]
        {
            new { code = TestProvince.LandTransfer, name = "Đăng ký biến động quyền sử dụng đất", processingTime = new { value = 15, unit = "calendar-days" },
                field = new { code = "G13-TN02", name = "Đất đai" } },
            new { code = TestProvince.Certification, name = "Chứng thực bản sao từ bản chính", processingTime = new { value = 8, unit = "working-hours" },
                field = new { code = "G15-TP03", name = "Chứng thực" } },
        }, AdminKey)).EnsureSuccessStatusCode();
        await PostOkAsync(Received(Late, "2026-02-02T09:00:00+07:00", procedureCode: TestProvince.LandTransfer, dueAt: "2026-02-17T17:00:00+07:00"));
        await PostOkAsync(Received(Soon, "2026-03-09T14:00:00+07:00", procedureCode: TestProvince.Certification, dueAt: "2026-03-10T14:00:00+07:00"));
        await PostOkAsync(Received(NoField, "2026-02-02T09:00:00+07:00", dueAt: "2026-02-05T09:00:00+07:00"));
    }

    private async Task<JsonObject> ItemAsync(string list, string code)
    {
        var response = await GetAsync($"/api/dossiers/{list}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray()
            .Single(i => i!["dossierCode"]!.GetValue<string>() == code)!.AsObject();
    }

    [Fact]
    public async Task the_dossier_view_names_its_procedure_and_field()
    {
        await ArrangeAsync();

        var dossier = await GetDossierAsync(Late);

        dossier["procedureName"]!.GetValue<string>().ShouldBe("Đăng ký biến động quyền sử dụng đất");
        dossier["fieldCode"]!.GetValue<string>().ShouldBe("G13-TN02");
        dossier["fieldName"]!.GetValue<string>().ShouldBe("Đất đai");
    }

    [Fact]
    public async Task a_dossier_whose_procedure_has_no_field_has_no_field_properties()
    {
        await ArrangeAsync();

        var dossier = await GetDossierAsync(NoField);

        dossier.ContainsKey("fieldCode").ShouldBeFalse();
        dossier.ContainsKey("fieldName").ShouldBeFalse();
    }

    [Fact]
    public async Task late_items_carry_the_procedure_name_and_field()
    {
        await ArrangeAsync();

        var item = await ItemAsync("late", Late);

        item["procedureName"]!.GetValue<string>().ShouldBe("Đăng ký biến động quyền sử dụng đất");
        item["fieldCode"]!.GetValue<string>().ShouldBe("G13-TN02");
        item["fieldName"]!.GetValue<string>().ShouldBe("Đất đai");
        (await ItemAsync("late", NoField)).ContainsKey("fieldCode").ShouldBeFalse();
    }

    [Fact]
    public async Task due_soon_items_carry_the_procedure_name_and_field()
    {
        await ArrangeAsync();

        var item = await ItemAsync("due-soon", Soon);

        item["procedureName"]!.GetValue<string>().ShouldBe("Chứng thực bản sao từ bản chính");
        item["fieldCode"]!.GetValue<string>().ShouldBe("G15-TP03");
        item["fieldName"]!.GetValue<string>().ShouldBe("Chứng thực");
    }

    [Fact]
    public async Task the_field_follows_the_catalogue_when_a_procedure_changes_field()
    {
        await ArrangeAsync();
        (await SendAsync(HttpMethod.Put, "/api/procedures", new[]
        {
            new { code = TestProvince.LandTransfer, name = "Đăng ký biến động quyền sử dụng đất", processingTime = new { value = 15, unit = "calendar-days" },
                field = new { code = "G15-TP05", name = "Đăng ký biện pháp bảo đảm" } },
        }, AdminKey)).EnsureSuccessStatusCode();

        (await ItemAsync("late", Late))["fieldCode"]!.GetValue<string>().ShouldBe("G15-TP05");
        (await GetDossierAsync(Late))["fieldName"]!.GetValue<string>().ShouldBe("Đăng ký biện pháp bảo đảm");
    }

    [Fact]
    public async Task the_list_csv_ends_with_the_field_columns_and_keeps_the_version_1_columns_in_place()
    {
        await ArrangeAsync();

        var response = await GetAsync("/api/dossiers/late?format=csv&sort=dueAt");
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");

        lines[0].ShouldBe("dossierCode,unitCode,unitName,procedureCode,procedureName,channel,status,receivedAt,dueAt,completedAt," +
            "overdueWorkingHours,handler,apologyIssued,newAppointmentAt,fieldCode,fieldName");
        lines.Single(l => l.StartsWith(Late, StringComparison.Ordinal)).ShouldEndWith(",G13-TN02,Đất đai");
    }
}
