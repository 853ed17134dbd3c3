using System.Net;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Accounts;

public sealed class TwoFactorTests(TrackerApp app) : AccountScenario(app)
{
    private static readonly DashboardText T = DashboardText.Vietnamese;

    [Fact]
    public async Task after_enrolment_a_sign_in_asks_for_the_code_and_accepts_the_current_one()
    {
        await CreateAccountAsync();
        var secret = await EnrolAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        using var browser = Browser();

        var password = await browser.SignInWithPasswordAsync("thu.nguyen", Password);
        var ticket = await TicketOfAsync(password);
        var code = await browser.PostFormAsync("/signin?handler=Code", new() { ["ticket"] = ticket, ["code"] = CurrentCode(secret), ["returnUrl"] = "/" });

        password.StatusCode.ShouldBe(HttpStatusCode.OK, "the password alone opens no session");
        (password.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            .ShouldNotContain(c => c.StartsWith(DossierTracker.Api.Dashboard.DashboardAuthentication.CookieName + "=", StringComparison.Ordinal));
        code.StatusCode.ShouldBe(HttpStatusCode.Redirect, await code.Content.ReadAsStringAsync());
        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditAsync()).ShouldContain(e => e.Action == AuditActions.AccountTotpEnabled && e.Subject == "thu.nguyen");
    }

    [Fact]
    public async Task a_code_of_the_step_before_or_after_is_accepted_but_not_two_steps_away()
    {
        await CreateAccountAsync();
        var secret = await EnrolAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = App.Clock.GetUtcNow();

        (await SignInWithCodeAsync(CodeAt(secret, now.AddSeconds(-60)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInWithCodeAsync(CodeAt(secret, now.AddSeconds(-30)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignInWithCodeAsync(CodeAt(secret, now.AddSeconds(30)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task a_code_used_once_is_refused_the_second_time()
    {
        await CreateAccountAsync();
        var secret = await EnrolAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = CurrentCode(secret);

        var once = await SignInWithCodeAsync(code);
        var replayed = await SignInWithCodeAsync(code);

        once.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        replayed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInErrorAsync(replayed)).ShouldBe(T.SignInWrongCode);
    }

    [Fact]
    public async Task the_enrolment_code_itself_cannot_be_replayed_at_sign_in()
    {
        await CreateAccountAsync();
        var secret = await EnrolAsync();

        var replayed = await SignInWithCodeAsync(CurrentCode(secret));

        (await SignInErrorAsync(replayed)).ShouldBe(T.SignInWrongCode);
    }

    [Fact]
    public async Task wrong_codes_count_towards_the_lockout()
    {
        await CreateAccountAsync();
        await EnrolAsync();
        for (var i = 0; i < 4; i++) (await SignInErrorAsync(await SignInWithCodeAsync("000000"))).ShouldBe(T.SignInWrongCode);

        var fifth = await SignInWithCodeAsync("000000");

        (await SignInErrorAsync(fifth)).ShouldBe(T.Format(T.SignInLockedOutFormat, 15));
    }

    [Fact]
    public async Task enrolling_ends_the_accounts_other_sessions_but_not_this_one()
    {
        await CreateAccountAsync();
        using var other = await SignedInAsync();
        using var browser = await SignedInAsync();

        await EnrolTotpAsync(browser);

        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await other.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Password, then the code, in a fresh browser: the code step's answer.</summary>
    private async Task<HttpResponseMessage> SignInWithCodeAsync(string code)
    {
        using var browser = Browser();
        var ticket = await TicketOfAsync(await browser.SignInWithPasswordAsync("thu.nguyen", Password));
        return await browser.PostFormAsync("/signin?handler=Code", new() { ["ticket"] = ticket, ["code"] = code, ["returnUrl"] = "/" });
    }

    /// <summary>Signs in and turns the second factor on; the secret the page showed.</summary>
    private async Task<string> EnrolAsync()
    {
        using var browser = await SignedInAsync();
        return await EnrolTotpAsync(browser);
    }
}
