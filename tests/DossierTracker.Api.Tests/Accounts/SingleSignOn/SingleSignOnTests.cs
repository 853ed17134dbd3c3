using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using DossierTracker.Api.Tests.Infrastructure.Oidc;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

public sealed class SingleSignOnTests(SingleSignOnFixture fixture) : SingleSignOnScenario(fixture)
{
    [Fact]
    public async Task the_sign_in_page_shows_the_single_sign_on_button_with_its_configured_name()
    {
        using var browser = Fixture.Browser();

        var page = await browser.GetAsync("/signin");

        page.ShouldContain($"data-testid=\"sso-signin\">{SingleSignOnFixture.ButtonName}</a>");
    }

    [Fact]
    public async Task a_first_sign_in_creates_an_account_with_the_role_and_unit_from_the_claims()
    {
        var user = User(Claim("role", Roles.Supervisor), Claim("unit_code", TestProvince.DistrictA));
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        ScopeUnit(page).ShouldBe($"Huyện Cao Phong ({TestProvince.DistrictA})");
        var account = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        (account.Username, account.FullName, account.Email, account.Role, account.UnitCode, account.PasswordHash)
            .ShouldBe((user.Username, user.Name, user.Email!, Roles.Supervisor, TestProvince.DistrictA, null));
        (await AuditOfAsync(user.Username)).Select(e => (e.Action, e.ActorKind)).ShouldBe(
            [(AuditActions.AccountCreated, AuditActor.SystemKind), (AuditActions.SignedIn, AuditActor.AccountKind)]);
        Fixture.Provider.TokenRequestsWithVerifier.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task a_second_sign_in_matches_the_same_account_by_subject_even_under_a_new_username()
    {
        var user = User(Claim("role", Roles.Admin), Claim("unit_code", TestProvince.Province));
        using (var first = Fixture.Browser()) await first.SignInAsync(user.Username);
        var created = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        var renamed = Fixture.AddUser(user with { Username = user.Username + "-moi" });

        using var second = Fixture.Browser();
        var page = await second.SignInAsync(renamed.Username);

        ScopeUnit(page).ShouldBe($"Tỉnh Thử Nghiệm ({TestProvince.Province})");
        var matched = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        (matched.Id, matched.SecurityStamp).ShouldBe((created.Id, created.SecurityStamp));
        (await Fixture.Accounts.ListAsync(CancellationToken.None)).Count(a => a.ExternalLogin?.Subject == user.Subject).ShouldBe(1);
    }

    [Fact]
    public async Task a_mapped_group_gives_the_role_and_unit_when_the_claims_carry_none()
    {
        var user = User(Claim("groups", "/tinh/nhan-vien", SingleSignOnFixture.JusticeSupervisors));
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        ScopeUnit(page).ShouldBe($"Sở Tư pháp ({TestProvince.Justice})");
        var account = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        (account.Role, account.UnitCode).ShouldBe((Roles.Supervisor, TestProvince.Justice));
    }

    [Fact]
    public async Task a_disabled_account_is_refused_on_the_sign_in_page_and_the_refusal_audited()
    {
        var user = User(Claim("role", Roles.Supervisor), Claim("unit_code", TestProvince.Justice));
        using (var first = Fixture.Browser()) await first.SignInAsync(user.Username);
        await Fixture.Administration.DisableAsync(user.Username, AuditActor.System("test"), "left the office", CancellationToken.None);
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        (browser.Location.AbsolutePath, SignInError(page)).ShouldBe(("/signin", T.Refusals[SingleSignOnRefusals.Disabled]));
        ScopeUnit(page).ShouldBeNull();
        var refusal = (await AuditOfAsync(user.Username)).Last();
        (refusal.Action, refusal.After!["reason"]!.GetValue<string>()).ShouldBe((AuditActions.SignInFailed, SingleSignOnRefusals.Disabled));
    }

    [Fact]
    public async Task an_unknown_unit_is_refused_with_a_clear_message_creating_no_account()
    {
        var user = User(Claim("role", Roles.Supervisor), Claim("unit_code", "999.99.99.H99"));
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        SignInError(page).ShouldBe(T.Refusals[SingleSignOnRefusals.UnknownUnit]);
        (await Fixture.AccountOfAsync(user)).ShouldBeNull();
        var refusal = (await AuditOfAsync(user.Username)).Single();
        (refusal.Action, refusal.After!["reason"]!.GetValue<string>(), refusal.After["units"]![0]!.GetValue<string>())
            .ShouldBe((AuditActions.SignInFailed, SingleSignOnRefusals.UnknownUnit, "999.99.99.H99"));
    }

    [Fact]
    public async Task a_role_that_is_no_tracker_role_is_refused()
    {
        var user = User(Claim("role", "ingest", "offline_access"), Claim("unit_code", TestProvince.Justice));
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        SignInError(page).ShouldBe(T.Refusals[SingleSignOnRefusals.NoRole]);
        (await Fixture.AccountOfAsync(user)).ShouldBeNull();
    }

    [Fact]
    public async Task changed_claims_update_the_account_and_end_its_sessions_under_the_old_scope()
    {
        var user = User(Claim("role", Roles.Supervisor), Claim("unit_code", TestProvince.DistrictA));
        using var before = Fixture.Browser();
        await before.SignInAsync(user.Username);
        var created = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        Fixture.AddUser(user with { Claims = new Dictionary<string, string[]> { ["role"] = [Roles.Admin], ["unit_code"] = [TestProvince.Province] } });

        using var after = Fixture.Browser();
        var page = await after.SignInAsync(user.Username);
        var oldSession = await before.GetAsync("/units");

        ScopeUnit(page).ShouldBe($"Tỉnh Thử Nghiệm ({TestProvince.Province})");
        var changed = (await Fixture.AccountOfAsync(user)).ShouldNotBeNull();
        (changed.Role, changed.UnitCode).ShouldBe((Roles.Admin, TestProvince.Province));
        changed.SecurityStamp.ShouldNotBe(created.SecurityStamp);
        (before.Location.AbsolutePath, ScopeUnit(oldSession)).ShouldBe(("/signin", null));
        (await AuditOfAsync(user.Username)).Select(e => e.Action).ShouldContain(AuditActions.AccountChanged);
    }

    [Fact]
    public async Task a_username_taken_by_a_password_account_is_refused_and_that_account_left_alone()
    {
        var username = $"thu.nguyen.{Guid.NewGuid():N}"[..24];
        (await Fixture.Administration.CreateAsync(new(username, "Nguyễn Thị Thu", "thu@tinh.gov.vn", Roles.Admin, TestProvince.Province),
            "mây trắng bay trên đồi chè", AuditActor.System("test"), CancellationToken.None)).ShouldBeEmpty();
        var user = Fixture.AddUser(TestOidcUser.With(username, Claim("role", Roles.Supervisor), Claim("unit_code", TestProvince.Justice)));
        using var browser = Fixture.Browser();

        var page = await browser.SignInAsync(user.Username);

        SignInError(page).ShouldBe(T.Refusals[SingleSignOnRefusals.UsernameTaken]);
        var local = (await Fixture.Accounts.LoadAsync(username, CancellationToken.None)).ShouldNotBeNull();
        (local.ExternalLogin, local.Role).ShouldBe((null, Roles.Admin));
    }

    [Fact]
    public async Task a_forged_return_from_the_provider_lands_on_the_sign_in_page_opening_no_session()
    {
        using var browser = Fixture.Browser();

        var page = await browser.GetAsync($"{SingleSignOnOptions.CallbackPath}?code=forged&state=forged");

        (browser.Location.AbsolutePath, SignInError(page)).ShouldBe(("/signin", T.Refusals[SingleSignOnRefusals.Failed]));
        ScopeUnit(await browser.GetAsync("/units")).ShouldBeNull();
    }

    [Fact]
    public void the_start_up_log_says_single_sign_on_is_on_and_with_which_provider()
    {
        Fixture.Logs.Lines.ShouldContain(line => line.Contains($"Single sign-on is on: OpenID Connect provider {Fixture.Provider.Issuer}"));
    }
}
