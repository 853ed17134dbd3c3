using System.Net;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>Who reaches the admin area: admins only; procedures and calendar years only from the province.</summary>
public sealed class AdminAccessTests(TrackerApp app) : ReferenceAdminScenario(app)
{
    public static readonly TheoryData<string> Pages = new() { "/admin", "/admin/units", "/admin/procedures", "/admin/calendar" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task a_supervisor_gets_the_forbidden_page(string page)
    {
        using var browser = DashboardForms.For(App.Host);
        (await browser.SignInAsync(SupervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await browser.GetAsync(page);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task a_supervisor_s_post_is_refused_and_changes_nothing()
    {
        using var browser = await AdminAsync("giam.sat", role: DossierTracker.Api.Security.Roles.Supervisor);
        (await browser.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await browser.PostFormAsync("/admin/calendar?year=2027&handler=Add",
            new() { ["day"] = "20/08/2027", ["kind"] = "holiday", ["reason"] = "Thử" });

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await AccountAuditAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/admin/procedures")]
    [InlineData("/admin/calendar")]
    public async Task province_wide_pages_are_forbidden_to_a_district_admin(string page)
    {
        using var browser = await AdminAsync("huyen.a", TestProvince.DistrictA);

        (await browser.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var index = await HtmlAsync(await browser.GetAsync("/admin"));
        index.ShouldContain("data-testid=\"admin-units\"");
        index.ShouldNotContain("data-testid=\"admin-calendar\"");
    }

    [Fact]
    public async Task an_admin_has_the_administration_link_and_a_supervisor_has_none()
    {
        using var admin = await AdminAsync();
        using var supervisor = await AdminAsync("giam.sat", role: DossierTracker.Api.Security.Roles.Supervisor);

        (await HtmlAsync(await admin.GetAsync("/"))).ShouldContain("data-testid=\"nav-admin\"");
        (await HtmlAsync(await supervisor.GetAsync("/"))).ShouldNotContain("data-testid=\"nav-admin\"");
    }

    [Fact]
    public async Task a_form_without_the_antiforgery_token_is_refused()
    {
        using var browser = await AdminAsync();
        (await browser.GetAsync("/admin/calendar?year=2027")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await browser.PostFormAsync("/admin/calendar?year=2027&handler=Add",
            new() { ["day"] = "20/08/2027", ["kind"] = "holiday", ["reason"] = "Thử" },
            request => request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["day"] = "20/08/2027", ["kind"] = "holiday", ["reason"] = "Thử" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await AccountAuditAsync()).ShouldBeEmpty();
    }
}
