using System.Net;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Accounts;

public sealed class PasswordSignInTests(TrackerApp app) : AccountScenario(app)
{
    private static readonly DashboardText T = DashboardText.Vietnamese;

    [Fact]
    public async Task an_account_signs_in_with_username_and_password_in_any_case_and_sees_its_scope()
    {
        await CreateAccountAsync("Thu.Nguyen");
        using var browser = Browser();

        var signedIn = await browser.SignInWithPasswordAsync("THU.NGUYEN", Password);
        var page = await browser.GetAsync("/units");

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Nguyễn Thị Thu");
        html.ShouldContain($"({TestProvince.Province})");
    }

    [Fact]
    public async Task a_wrong_password_is_refused_and_opens_no_session()
    {
        await CreateAccountAsync();
        using var browser = Browser();

        var response = await browser.SignInWithPasswordAsync("thu.nguyen", Password + "x");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SignInErrorAsync(response)).ShouldBe(T.SignInWrongPassword);
        browser.Cookies.ShouldNotContainKey(DashboardAuthentication.CookieName);
        (await Registry.LoadAsync("thu.nguyen", CancellationToken.None))!.FailedAttempts.ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_username_gets_the_same_answer_as_a_wrong_password()
    {
        using var browser = Browser();

        var response = await browser.SignInWithPasswordAsync("nobody", Password);

        (await SignInErrorAsync(response)).ShouldBe(T.SignInWrongPassword);
    }

    [Fact]
    public async Task five_failures_lock_the_account_even_for_the_right_password_until_the_lockout_ends()
    {
        await CreateAccountAsync();
        using var browser = Browser();
        var options = App.Host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value;
        for (var i = 1; i < options.LockoutThreshold; i++)
            (await SignInErrorAsync(await browser.SignInWithPasswordAsync("thu.nguyen", "wrong password " + i))).ShouldBe(T.SignInWrongPassword);

        var last = await browser.SignInWithPasswordAsync("thu.nguyen", "wrong password again");
        var rightButLocked = await browser.SignInWithPasswordAsync("thu.nguyen", Password);
        App.Clock.Advance(options.LockoutDuration - TimeSpan.FromSeconds(1));
        var stillLocked = await browser.SignInWithPasswordAsync("thu.nguyen", Password);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterLockout = await browser.SignInWithPasswordAsync("thu.nguyen", Password);

        var locked = T.Format(T.SignInLockedOutFormat, options.LockoutMinutes);
        (await SignInErrorAsync(last)).ShouldBe(locked);
        (await SignInErrorAsync(rightButLocked)).ShouldBe(locked);
        (await SignInErrorAsync(stillLocked)).ShouldBe(locked);
        afterLockout.StatusCode.ShouldBe(HttpStatusCode.Redirect, await afterLockout.Content.ReadAsStringAsync());
        (await AuditAsync()).Count(e => e.Action == AuditActions.AccountLockedOut).ShouldBe(1);
    }

    [Fact]
    public async Task failed_sign_ins_at_the_same_moment_all_count()
    {
        await CreateAccountAsync();
        var signIn = App.Host.Services.GetRequiredService<AccountSignIn>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Task.Run(() => signIn.WithPasswordAsync("thu.nguyen", $"wrong password {i}", CancellationToken.None))));

        results.ShouldAllBe(r => r.Outcome == SignInOutcome.Refused);
        (await Registry.LoadAsync("thu.nguyen", CancellationToken.None))!.FailedAttempts.ShouldBe(4);
    }

    [Fact]
    public async Task a_disabled_account_cannot_sign_in_and_its_open_session_ends()
    {
        await CreateAccountAsync();
        using var browser = await SignedInAsync();
        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Administration.DisableAsync("thu.nguyen", TestAdmin, "left the office", CancellationToken.None);
        var page = await browser.GetAsync("/units");
        using var again = Browser();
        var refused = await again.SignInWithPasswordAsync("thu.nguyen", Password);

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        (await SignInErrorAsync(refused)).ShouldBe(T.SignInAccountDisabled);
    }

    [Fact]
    public async Task a_changed_unit_ends_the_session_and_the_next_one_has_the_new_scope()
    {
        await CreateAccountAsync(unit: TestProvince.DistrictA);
        using var browser = await SignedInAsync();
        (await browser.GetAsync($"/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Administration.SetRoleAndUnitAsync("thu.nguyen", DossierTracker.Api.Security.Roles.Supervisor, TestProvince.DistrictB, TestAdmin,
            "moved to another district", CancellationToken.None)).ShouldBeEmpty();
        var old = await browser.GetAsync($"/late?unit={TestProvince.DistrictA}");
        using var next = await SignedInAsync();

        old.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await next.GetAsync($"/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await next.GetAsync($"/late?unit={TestProvince.DistrictB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_changed_role_ends_the_session()
    {
        await CreateAccountAsync();
        using var browser = await SignedInAsync();

        (await Administration.SetRoleAndUnitAsync("thu.nguyen", DossierTracker.Api.Security.Roles.Admin, TestProvince.Province, TestAdmin, null,
            CancellationToken.None)).ShouldBeEmpty();

        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task sign_ins_and_failures_are_in_the_audit_trail_without_the_password()
    {
        await CreateAccountAsync();
        using var browser = Browser();
        await browser.SignInWithPasswordAsync("thu.nguyen", "not my password at all");
        await browser.SignInWithPasswordAsync("thu.nguyen", Password);

        var entries = await AuditAsync();

        entries.ShouldContain(e => e.Action == AuditActions.AccountCreated && e.Subject == "thu.nguyen");
        entries.ShouldContain(e => e.Action == AuditActions.SignInFailed && e.Subject == "thu.nguyen");
        entries.ShouldContain(e => e.Action == AuditActions.SignedIn && e.Subject == "thu.nguyen");
        entries.ShouldAllBe(e => e.After == null || !e.After.Contains("not my password") && !e.After.Contains("AQAAAA"));
    }

    [Fact]
    public async Task the_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        await CreateAccountAsync();
        using var client = App.Client();

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "thu.nguyen", ["password"] = Password,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith(DashboardAuthentication.CookieName, StringComparison.Ordinal));
    }
}
