using System.Net.Http.Json;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// The Units page shows a unit's report recipient when an operator set one (PUT /api/units; the page has no edit form).
/// The fixture's units have none, so the test sets one and puts the unit back afterwards.
/// </summary>
public sealed class ReportRecipientDisplayTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    private async Task PutJusticeAsync(string? reportRecipient)
    {
        using var admin = Dashboard.Api(Dashboard.AdminKey);
        (await admin.PutAsJsonAsync("/api/units", new[]
        {
            new { code = TestProvince.Justice, name = "Sở Tư pháp", level = "department", parentCode = TestProvince.Province, reportRecipient },
        })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task the_units_page_shows_a_unit_s_report_recipient()
    {
        await PutJusticeAsync("Văn phòng Ủy ban nhân dân tỉnh");
        try
        {
            await SignedInAsync("/units");

            (await Page.GetByTestId("report-recipient").AllInnerTextsAsync()).ShouldBe(["Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân tỉnh"]);
        }
        finally
        {
            await PutJusticeAsync(null);
        }
    }
}
