using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Reports;

/// <summary>
/// Rows by field and by procedure (contract version 2, "Rows by field"): one row per distinct field of the known
/// procedures ordered by code, zero rows included, the row of procedures without a field always, then the total; every
/// known procedure by code; both over the whole subtree of <c>unit</c>.
/// </summary>
public sealed class Form06RowsTests(TrackerApp app) : ReportScenario(app)
{
    private async Task PostStoryAsync()
    {
        // Land (field TN) and birth registration (field HT) have fields; certification has none.
        await GiveFieldsAsync((TestProvince.LandTransfer, "G09-TN01", "Đất đai"), (TestProvince.BirthRegistration, "G09-HT01", "Hộ tịch"));
        await Story("B1", TestProvince.Justice, "2025-01-06T09:00:00+07:00", "2025-01-09T09:00:00+07:00",
            events: ("resolved", "2025-01-08T09:00:00+07:00"));
        await Story("B2", TestProvince.CommuneA1, "2025-01-07T09:00:00+07:00", "2025-01-10T09:00:00+07:00");
        await Story("C1", TestProvince.DistrictA, "2025-01-07T09:00:00+07:00", "2025-01-08T09:00:00+07:00", TestProvince.Certification, "direct",
            ("withdrawn", "2025-01-07T15:00:00+07:00"));
        await Story("C2", TestProvince.Environment, "2024-12-20T09:00:00+07:00", "2024-12-23T09:00:00+07:00", TestProvince.Certification);
    }

    [Fact]
    public async Task field_rows_run_by_field_code_with_zero_rows_then_the_row_without_a_field_then_the_total()
    {
        await PostStoryAsync();

        var report = await Form06Async("period=2025-01&rows=field");

        Rows(report).Select(r => (S(r["kind"]), S(r["fieldCode"]), S(r["fieldName"]))).ShouldBe([
            ("field", "G09-HT01", "Hộ tịch"), ("field", "G09-TN01", "Đất đai"), ("field", null, null), ("total", null, null)]);
        Rows(report).Select(r => F(r, "received")).ShouldBe([2, 0, 2, 4]);
        Rows(report, "field").ShouldAllBe(r => r.ContainsKey("fieldCode") && !r.ContainsKey("unitCode"));
        S(report["rowsBy"]).ShouldBe("field");
    }

    [Fact]
    public async Task the_row_without_a_field_is_there_when_every_procedure_has_one()
    {
        await GiveFieldsAsync((TestProvince.LandTransfer, "G09-TN01", "Đất đai"), (TestProvince.BirthRegistration, "G09-HT01", "Hộ tịch"),
            (TestProvince.Certification, "G09-CT01", "Chứng thực"));

        var rows = Rows(await Form06Async("period=2025-01&rows=field"));

        rows.Select(r => S(r["fieldCode"])).ShouldBe(["G09-CT01", "G09-HT01", "G09-TN01", null, null]);
        rows[3]["kind"]!.GetValue<string>().ShouldBe("field");
        rows[3].ContainsKey("fieldCode").ShouldBeTrue();
        rows.Sum(r => F(r, "received")).ShouldBe(0);
    }

    [Fact]
    public async Task procedure_rows_list_every_known_procedure_by_code_with_zero_rows_then_the_total()
    {
        await PostStoryAsync();

        var report = await Form06Async("period=2025-01&rows=procedure");

        Rows(report).Select(r => (S(r["kind"]), S(r["procedureCode"]))).ShouldBe([
            ("procedure", TestProvince.LandTransfer), ("procedure", TestProvince.BirthRegistration), ("procedure", TestProvince.Certification), ("total", null)]);
        Rows(report).Select(r => F(r, "received")).ShouldBe([0, 2, 2, 4]);
        S(Rows(report)[1]["procedureName"]).ShouldBe("Đăng ký khai sinh");
        var certification = Rows(report)[2];
        (F(certification, "carriedOver"), F(certification, "withdrawnOrStopped"), F(certification, "inProgressOverdue")).ShouldBe((1, 1, 1));
    }

    [Fact]
    public async Task field_procedure_and_unit_rows_add_up_to_the_same_total()
    {
        await PostStoryAsync();

        var totals = new List<string>();
        foreach (var rows in new[] { "unit", "field", "procedure" })
        {
            var total = Total(await Form06Async($"period=2025-01&rows={rows}"));
            total.Remove("fieldCode"); total.Remove("fieldName"); total.Remove("procedureCode"); total.Remove("procedureName");
            total.Remove("unitCode"); total.Remove("unitName"); total.Remove("level");
            totals.Add(total.ToJsonString());
        }

        totals.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task field_rows_count_the_whole_subtree_of_the_unit_asked_for()
    {
        await PostStoryAsync();

        var district = await Form06Async($"period=2025-01&rows=field&unit={TestProvince.DistrictA}");

        Rows(district, "field").Select(r => F(r, "received")).ShouldBe([1, 0, 1]);   // B2 at its commune, C1 at the district itself
        S(district["unitCode"]).ShouldBe(TestProvince.DistrictA);
    }
}
