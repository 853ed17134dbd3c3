using System.Net;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class UnitsTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task choosing_a_commune_in_the_organisation_tree_opens_its_overview()
    {
        await SignedInAsync("/units");
        await ScreenshotAsync("units");

        await Page.GetByText("1 đơn vị trực thuộc").First.ClickAsync();
        await Page.GetByTestId("unit-tree").GetByRole(AriaRole.Link, new() { Name = "Xã Bắc Phong" }).ClickAsync();

        PathAndQuery.ShouldBe($"/?unit={TestProvince.CommuneA1}");
        (await TextAsync("viewing-unit")).ShouldBe($"Xã Bắc Phong ({TestProvince.CommuneA1})");
    }

    [Fact]
    public async Task the_tree_shows_mergers_both_ways_and_a_ceased_units_pages_say_so_with_a_link_to_its_successor()
    {
        await SignedInAsync("/units");
        var tree = Page.GetByTestId("unit-tree");
        (await tree.GetByTestId("merged-into").TextContentAsync()).ShouldBe("sáp nhập vào Xã Tú Lý từ 01/01/2022");
        (await tree.GetByTestId("taken-over-from").TextContentAsync()).ShouldBe("tiếp nhận từ Xã Tiền Phong");

        await Page.GotoAsync($"/late?unit={DashboardData.CeasedCommune}");
        (await TextAsync("ceased-unit")).ShouldBe("Đơn vị đã sáp nhập vào Xã Tú Lý từ 01/01/2022.");
        await ScreenshotAsync("ceased-unit");
        await Page.GetByTestId("ceased-unit").GetByRole(AriaRole.Link, new() { Name = "Xã Tú Lý" }).ClickAsync();

        PathAndQuery.ShouldBe($"/late?unit={TestProvince.CommuneB1}");
        (await Page.GetByTestId("ceased-unit").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_unit_outside_the_users_scope_shows_a_friendly_refusal()
    {
        await SignInAsync(Dashboard.DistrictSupervisorKey);
        var response = await Page.GotoAsync($"/?unit={TestProvince.Province}");

        response!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await TextAsync("error-message")).ShouldBe(DashboardText.Vietnamese.Format(DashboardText.Vietnamese.ErrorUnitOutsideScopeFormat, TestProvince.Province));
        await ScreenshotAsync("error-forbidden");
    }

    [Fact]
    public async Task an_unknown_unit_is_not_found()
    {
        var response = await SignedInAsync("/late?unit=000.99.99.H99");

        response!.Status.ShouldBe((int)HttpStatusCode.NotFound);
        (await TextAsync("error-message")).ShouldContain("000.99.99.H99");
    }
}
