using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Security;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Dashboard;

public sealed class SecurityTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task dashboard_responses_carry_the_security_headers()
    {
        var response = await Page.GotoAsync("/signin");
        var headers = await response!.AllHeadersAsync();

        headers["content-security-policy"].ShouldContain("default-src 'self'");
        headers["content-security-policy"].ShouldContain("frame-ancestors 'none'");
        headers["x-content-type-options"].ShouldBe("nosniff");
        headers["referrer-policy"].ShouldBe("no-referrer");
        headers["x-frame-options"].ShouldBe("DENY");
    }

    [Fact]
    public async Task the_session_cookie_is_http_only_and_same_site_strict_and_holds_no_key()
    {
        await SignInAsync();
        var session = (await Context.CookiesAsync()).Single(c => c.Name == DashboardAuthentication.CookieName);

        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Strict);
        // The whole secret (after dtk_{id}_), which may itself contain '_' as a base64url character.
        ApiKeySecret.TryParse(Dashboard.SupervisorKey, out _, out var secret).ShouldBeTrue();
        session.Value.ShouldNotContain(secret);
    }

    [Fact]
    public async Task the_api_ignores_a_dashboard_session_and_keeps_answering_401_problem_details()
    {
        await SignedInAsync("/");
        var response = await Context.APIRequest.GetAsync("/api/dossiers/late");

        response.Status.ShouldBe(401);
        response.Headers["content-type"].ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task a_form_post_without_the_antiforgery_token_is_refused()
    {
        await SignedInAsync("/");
        var response = await Context.APIRequest.PostAsync("/signout", new() { Form = Context.APIRequest.CreateFormData() });

        response.Status.ShouldBe(400);
        (await Context.CookiesAsync()).ShouldContain(c => c.Name == DashboardAuthentication.CookieName);
    }

    [Fact]
    public async Task pages_request_nothing_from_other_sites()
    {
        var elsewhere = new List<string>();
        Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Dashboard.BaseUrl, StringComparison.Ordinal)) elsewhere.Add(request.Url);
        };
        await SignInAsync();
        foreach (var path in new[] { $"/?month={DashboardData.BusyMonth}", "/units", "/late", "/due-soon", $"/dossiers/{DashboardData.LateAfterPause}", "/report" })
            await Page.GotoAsync(path);

        elsewhere.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_first_tab_reaches_the_skip_link_to_the_main_content()
    {
        await SignedInAsync("/");
        await Page.Keyboard.PressAsync("Tab");

        (await Page.EvaluateAsync<string>("document.activeElement.getAttribute('href')")).ShouldBe("#main");
        await Page.Keyboard.PressAsync("Enter");
        (await Page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("main");
    }
}
