using DossierTracker.Api.Accounts;
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

/// <summary>Accounts in the browser: the password form, the TOTP enrolment and the code step.</summary>
public sealed class AccountSignInTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    private const string Password = "hoa ban nở trắng núi rừng Tây Bắc";

    [Fact]
    public async Task an_account_signs_in_with_username_and_password_and_sees_its_account_page()
    {
        await CreateAsync("browser.password");
        await Page.GotoAsync("/late");
        await ScreenshotAsync("signin-password");

        await SignInWithPasswordAsync("Browser.Password", Password);
        PathAndQuery.ShouldBe("/late");
        await Page.ClickAsync("[data-testid=key-name]");

        PathAndQuery.ShouldBe("/account");
        (await TextAsync("account-username")).ShouldBe("browser.password");
        (await TextAsync("two-factor-state")).ShouldBe(DashboardText.Vietnamese.TwoFactorOff);
        await ScreenshotAsync("account");
    }

    [Fact]
    public async Task an_account_turns_on_two_step_verification_and_the_next_sign_in_asks_for_a_code()
    {
        await CreateAsync("browser.totp");
        await SignInWithPasswordAsync("browser.totp", Password);
        await Page.GotoAsync("/account/two-factor");
        await Page.ClickAsync(".totp-begin-form button");
        var secret = await TextAsync("totp-secret");
        (await Page.GetByTestId("totp-uri").GetAttributeAsync("href")).ShouldStartWith("otpauth://totp/DossierTracker:browser.totp?secret=" + secret);
        await ScreenshotAsync("two-factor-enrol");
        await Page.FillAsync("#code", CodeAt(secret, DashboardData.Now));
        await Page.ClickAsync(".totp-confirm-form button");
        (await TextAsync("two-factor-state")).ShouldBe(DashboardText.Vietnamese.TwoFactorEnabled);
        await Page.ClickAsync("form[action$='/signout'] button");

        await SignInWithPasswordAsync("browser.totp", Password);
        await ScreenshotAsync("signin-code");
        await Page.FillAsync("#code", CodeAt(secret, DashboardData.Now.AddSeconds(30)));
        await Page.ClickAsync(".code-form button");
        await Page.GetByTestId("scope-unit").WaitForAsync();

        PathAndQuery.ShouldBe("/");
    }

    private async Task CreateAsync(string username) =>
        (await Dashboard.Accounts.CreateAsync(new AccountProfile(username, "Lò Văn Sơn", $"{username}@example.gov.vn", DossierTracker.Api.Security.Roles.Supervisor,
            TestProvince.Province), Password, DossierTracker.Api.Audit.AuditActor.System("test"), CancellationToken.None)).ShouldBeEmpty();

    private static string CodeAt(string secret, DateTimeOffset instant) =>
        new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(secret)).ComputeTotp(instant.UtcDateTime);
}
