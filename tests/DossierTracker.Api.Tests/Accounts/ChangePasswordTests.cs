using System.Net;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Accounts;

public sealed class ChangePasswordTests(TrackerApp app) : AccountScenario(app)
{
    private const string NewPassword = "sông Đà chảy qua Hòa Bình";
    private static readonly DashboardText T = DashboardText.Vietnamese;

    [Fact]
    public async Task a_changed_password_signs_in_and_the_old_one_no_longer_does()
    {
        await CreateAccountAsync();
        using var browser = await SignedInAsync();

        var changed = await ChangeAsync(browser, Password, NewPassword, NewPassword);

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        (await browser.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK, "this session goes on");
        using (var withNew = Browser()) (await withNew.SignInWithPasswordAsync("thu.nguyen", NewPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var withOld = Browser()) (await SignInErrorAsync(await withOld.SignInWithPasswordAsync("thu.nguyen", Password))).ShouldBe(T.SignInWrongPassword);
        (await AuditAsync()).ShouldContain(e => e.Action == AuditActions.AccountPasswordChanged && e.Subject == "thu.nguyen");
    }

    [Fact]
    public async Task changing_the_password_ends_the_accounts_other_sessions_and_copies_of_this_ones_old_cookie()
    {
        await CreateAccountAsync();
        using var other = await SignedInAsync();
        using var browser = await SignedInAsync();
        var oldCookie = browser.Cookies[DashboardAuthentication.CookieName];

        await ChangeAsync(browser, Password, NewPassword, NewPassword);
        using var thief = Browser();
        thief.Cookies[DashboardAuthentication.CookieName] = oldCookie;

        (await other.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await thief.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("not the password", NewPassword, NewPassword, "currentPassword")]
    [InlineData(Password, "short one", "short one", "newPassword")]
    [InlineData(Password, "thu.nguyen is me today", "thu.nguyen is me today", "newPassword")]
    [InlineData(Password, "123456789012", "123456789012", "newPassword")]
    [InlineData(Password, NewPassword, NewPassword + "!", "confirmPassword")]
    public async Task a_refused_change_shows_the_error_on_its_field_and_changes_nothing(string current, string replacement, string confirmation, string field)
    {
        var before = await CreateAccountAsync();
        using var browser = await SignedInAsync();

        var response = await ChangeAsync(browser, current, replacement, confirmation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"id=\"{field}-error\"");
        (await Registry.LoadAsync("thu.nguyen", CancellationToken.None))!.PasswordHash.ShouldBe(before.PasswordHash);
    }

    [Fact]
    public async Task a_key_session_has_no_password_to_change()
    {
        using var browser = Browser();
        (await browser.SignInAsync(SupervisorKey)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await browser.GetAsync("/account/password");

        (await page.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"key-session\"");
    }

    private static async Task<HttpResponseMessage> ChangeAsync(DashboardForms browser, string current, string replacement, string confirmation)
    {
        (await browser.GetAsync("/account/password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await browser.PostFormAsync("/account/password", new()
        {
            ["currentPassword"] = current, ["newPassword"] = replacement, ["confirmPassword"] = confirmation,
        });
    }
}
