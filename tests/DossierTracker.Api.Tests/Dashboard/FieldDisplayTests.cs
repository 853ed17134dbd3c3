using System.Net.Http.Json;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard;

/// <summary>
/// The procedure's field (Lĩnh vực) on the dossier page and in the late and due-soon lists. The fixture's catalogue
/// has no fields, so each test gives the procedures theirs and puts the catalogue back afterwards (the dashboard tests
/// share one database and run one at a time).
/// </summary>
public sealed class FieldDisplayTests(DashboardFixture dashboard) : BrowserScenario(dashboard), IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await PutProceduresAsync(
        [
            new { code = TestProvince.BirthRegistration, name = "Đăng ký khai sinh", processingTime = new { value = 3, unit = "working-days" },
                field = new { code = "G15-TP07", name = "Hộ tịch" } },
            new { code = TestProvince.Certification, name = "Chứng thực bản sao từ bản chính", processingTime = new { value = 8, unit = "working-hours" },
                field = new { code = "G15-TP03", name = "Chứng thực" } },
        ]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await PutProceduresAsync(TestProvince.Procedures);
        await DisposeAsync();
    }

    private async Task PutProceduresAsync(object[] procedures)
    {
        using var admin = Dashboard.Api(Dashboard.AdminKey);
        (await admin.PutAsJsonAsync("/api/procedures", procedures)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task the_dossier_page_shows_the_procedure_s_field()
    {
        await SignedInAsync($"/dossiers/{DashboardData.LateAfterPause}");

        (await TextAsync("facts")).ShouldContain("Lĩnh vực");
        (await TextAsync("field")).ShouldBe("Hộ tịch G15-TP07");
        await ScreenshotAsync("dossier-field");
    }

    [Fact]
    public async Task a_procedure_without_a_field_shows_a_dash()
    {
        await SignedInAsync($"/dossiers/{DashboardData.OpenOverdue}");

        (await TextAsync("field")).ShouldBe("—");
    }

    [Fact]
    public async Task the_late_list_has_a_field_column()
    {
        await SignedInAsync("/late?state=completed&from=2022-10-13&to=2022-10-13");
        var list = Page.GetByTestId("dossier-list");

        (await list.Locator("thead th").AllInnerTextsAsync()).ShouldContain("Lĩnh vực");
        var row = list.Locator("tbody tr", new() { HasText = DashboardData.LateAfterPause });
        (await row.GetByTestId("field").InnerTextAsync()).ShouldBe("Hộ tịch");
    }

    [Fact]
    public async Task the_due_soon_list_has_a_field_column()
    {
        await SignedInAsync("/due-soon");
        var row = Page.GetByTestId("dossier-list").Locator("tbody tr", new() { HasText = DashboardData.DueSoon });

        (await row.GetByTestId("field").InnerTextAsync()).ShouldBe("Chứng thực");
    }
}
