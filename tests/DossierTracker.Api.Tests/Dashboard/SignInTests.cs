using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class SignInTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task a_supervisor_signs_in_and_sees_the_scope_unit_and_key_name()
    {
        await Page.GotoAsync("/");
        PathAndQuery.ShouldStartWith("/signin?returnUrl=");
        await ScreenshotAsync("signin");

        await SignInAsync();

        PathAndQuery.ShouldBe("/");
        (await TextAsync("scope-unit")).ShouldBe($"Tỉnh Thử Nghiệm ({TestProvince.Province})");
        (await TextAsync("key-name")).ShouldBe("Sở Nội vụ – giám sát");
    }

    [Fact]
    public async Task a_wrong_key_is_refused_with_a_message()
    {
        await Page.GotoAsync("/signin");
        await SignInAsync("dtk_0123456789ab_not-a-real-secret");

        PathAndQuery.ShouldStartWith("/signin");
        (await TextAsync("signin-error")).ShouldBe(DashboardText.Vietnamese.SignInUnknownKey);
        await ScreenshotAsync("signin-refused");
    }

    [Fact]
    public async Task an_ingest_key_is_refused()
    {
        await Page.GotoAsync("/signin");
        await SignInAsync(Dashboard.IngestKey);

        (await TextAsync("signin-error")).ShouldBe(DashboardText.Vietnamese.SignInWrongRole);
        (await Context.CookiesAsync()).ShouldNotContain(c => c.Name == DossierTracker.Api.Dashboard.DashboardAuthentication.CookieName);
    }

    [Fact]
    public async Task after_sign_in_the_user_lands_on_the_page_asked_for()
    {
        await Page.GotoAsync("/late?state=completed");
        await SignInAsync();

        PathAndQuery.ShouldBe("/late?state=completed");
    }

    [Fact]
    public async Task signing_out_ends_the_session()
    {
        await SignInAsync();
        await Page.ClickAsync("form[action$='/signout'] button");
        PathAndQuery.ShouldStartWith("/signin");

        await Page.GotoAsync("/late");
        PathAndQuery.ShouldStartWith("/signin?returnUrl=");
    }

    [Fact]
    public async Task revoking_the_key_ends_its_sessions()
    {
        var key = await Dashboard.Keys.CreateAsync(DossierTracker.Api.Security.Roles.Supervisor, TestProvince.Province, "to be revoked", TestAudit.Setup, CancellationToken.None);
        await SignInAsync(key);
        PathAndQuery.ShouldBe("/");

        await Dashboard.Keys.RevokeAsync(key, TestAudit.Setup, CancellationToken.None);
        await Page.GotoAsync("/units");

        PathAndQuery.ShouldStartWith("/signin?returnUrl=");
    }
}
