using System.Net;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Pages.Admin;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.People;

public sealed class AdminAccountsTests(TrackerApp app) : PeopleScenario(app)
{
    private const string NewPassword = "hoa ban nở trắng rừng Tây Bắc";

    private static Dictionary<string, string> AccountForm(string username = "lan.pham", string password = NewPassword, string unit = TestProvince.DistrictA,
        string email = "lan.pham@example.gov.vn", string reason = "Cán bộ mới của huyện A") => new()
    {
        ["username"] = username, ["name"] = "Phạm Thị Lan", ["email"] = email, ["role"] = Roles.Supervisor, ["unit"] = unit,
        ["password"] = password, ["reason"] = reason,
    };

    private static async Task<HttpResponseMessage> ChangeAsync(DashboardForms admin, string username, string handler, Dictionary<string, string> fields) =>
        await SubmitAsync(admin, $"/admin/accounts/{username}", $"/admin/accounts/{username}?handler={handler}", fields);

    [Fact]
    public async Task an_account_created_with_a_password_signs_in_with_it_and_the_creation_is_audited()
    {
        using var admin = await AdminAsync();

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/accounts/new", "/admin/accounts/new", AccountForm()));
        using var owner = await SignedInAsync("lan.pham", NewPassword);

        html.ShouldContain(T.Format(P.AccountCreatedFormat, "lan.pham"));
        TestIdText(html, "generated-password").ShouldBeNull();
        (await owner.GetAsync($"/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await AdminEntriesAsync(AuditActions.AccountCreated)).ShouldHaveSingleItem();
        (entry.Subject, entry.Reason).ShouldBe(("lan.pham", "Cán bộ mới của huyện A"));
        entry.After!["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.DistrictA);
    }

    [Fact]
    public async Task an_account_created_without_a_password_gets_a_generated_one_shown_once()
    {
        using var admin = await AdminAsync();

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/accounts/new", "/admin/accounts/new", AccountForm(password: "")));
        var generated = TestIdText(html, "generated-password");
        var page = await HtmlOf(await admin.GetAsync("/admin/accounts/lan.pham"));

        generated.ShouldNotBeNull(html);
        PasswordPolicy.Check(generated, "lan.pham").ShouldBeEmpty();
        page.ShouldNotContain(generated);
        using var owner = await SignedInAsync("lan.pham", generated);
    }

    [Fact]
    public async Task an_account_form_with_errors_shows_each_beside_its_field_and_creates_nothing()
    {
        using var admin = await AdminAsync();

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/accounts/new", "/admin/accounts/new",
            AccountForm(username: "x", password: "ngắn quá", email: "không-phải-thư", reason: "")));

        TestIdText(html, "account-username-error").ShouldBe(P.UsernameInvalid);
        TestIdText(html, "account-email-error").ShouldBe(P.EmailInvalid);
        TestIdText(html, "account-password-error").ShouldBe(T.Format(T.PasswordTooShortFormat, PasswordPolicy.MinimumLength));
        TestIdText(html, "error-reason").ShouldBe(P.ReasonRequired);
        (await Registry.ListAsync(CancellationToken.None)).Select(a => a.Id).ShouldBe([AdminUsername]);
        (await EntriesAsync()).ShouldNotContain(e => e.Action == AuditActions.AccountCreated && e.ActorId == AdminUsername);
    }

    [Fact]
    public async Task a_district_admin_cannot_create_an_account_outside_its_subtree_nor_open_one()
    {
        await CreateAccountAsync("b.officer", unit: TestProvince.DistrictB);
        using var admin = await AdminAsync(TestProvince.DistrictA);

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/accounts/new", "/admin/accounts/new", AccountForm(unit: TestProvince.DistrictB)));
        var other = await admin.GetAsync("/admin/accounts/b.officer");
        var list = await HtmlOf(await admin.GetAsync("/admin/accounts"));

        TestIdText(html, "account-unit-error").ShouldBe(P.UnitOutsideReach);
        (await Registry.LoadAsync("lan.pham", CancellationToken.None)).ShouldBeNull();
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        list.ShouldNotContain("b.officer");
    }

    [Fact]
    public async Task disabling_ends_the_accounts_open_sessions_and_enabling_lets_it_sign_in_again()
    {
        await CreateAccountAsync();
        using var first = await SignedInAsync();
        using var second = await SignedInAsync();
        using var admin = await AdminAsync();

        var disabled = await ChangeAsync(admin, "thu.nguyen", "Disable", new() { ["reason"] = "Nghỉ việc" });
        var firstAfter = await first.GetAsync("/units");
        var secondAfter = await second.GetAsync("/units");
        using var refused = Browser();
        var refusedSignIn = await refused.SignInWithPasswordAsync("thu.nguyen", Password);
        var enabled = await ChangeAsync(admin, "thu.nguyen", "Enable", new() { ["reason"] = "Quay lại làm việc" });

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await disabled.Content.ReadAsStringAsync());
        firstAfter.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        secondAfter.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        (await SignInErrorAsync(refusedSignIn)).ShouldBe(T.SignInAccountDisabled);
        enabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var again = await SignedInAsync();
        (await AdminEntriesAsync(AuditActions.AccountDisabled)).ShouldHaveSingleItem().Reason.ShouldBe("Nghỉ việc");
        (await AdminEntriesAsync(AuditActions.AccountEnabled)).ShouldHaveSingleItem().Reason.ShouldBe("Quay lại làm việc");
    }

    [Fact]
    public async Task a_changed_unit_ends_the_session_opened_on_another_node_and_the_next_one_has_the_new_scope()
    {
        await CreateAccountAsync(unit: TestProvince.DistrictA);
        await using var otherNode = await TrackerApp.StartHostAsync(App.ConnectionString, TimeProvider.System);
        using var elsewhere = DashboardForms.For(otherNode);
        (await elsewhere.SignInWithPasswordAsync("thu.nguyen", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var here = await SignedInAsync();
        (await elsewhere.GetAsync($"/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await AdminAsync();

        var changed = await ChangeAsync(admin, "thu.nguyen", "Profile",
            new() { ["role"] = Roles.Supervisor, ["unit"] = TestProvince.DistrictB, ["reason"] = "Điều động sang huyện B" });
        var onOtherNode = await elsewhere.GetAsync($"/late?unit={TestProvince.DistrictA}");
        var onThisNode = await here.GetAsync($"/late?unit={TestProvince.DistrictA}");
        using var next = await SignedInAsync();

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        onOtherNode.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        onThisNode.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        (await next.GetAsync($"/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await next.GetAsync($"/late?unit={TestProvince.DistrictB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = (await AdminEntriesAsync(AuditActions.AccountChanged)).ShouldHaveSingleItem();
        (entry.Before!["unitCode"]!.GetValue<string>(), entry.After!["unitCode"]!.GetValue<string>(), entry.Reason)
            .ShouldBe((TestProvince.DistrictA, TestProvince.DistrictB, "Điều động sang huyện B"));
    }

    [Fact]
    public async Task a_profile_form_with_a_unit_out_of_reach_or_no_reason_changes_nothing()
    {
        await CreateAccountAsync(unit: TestProvince.CommuneA1);
        using var owner = await SignedInAsync();
        using var admin = await AdminAsync(TestProvince.DistrictA);

        var html = await HtmlOf(await ChangeAsync(admin, "thu.nguyen", "Profile",
            new() { ["role"] = Roles.Admin, ["unit"] = TestProvince.Province, ["reason"] = "" }));

        TestIdText(html, $"{AccountsEditModel.ProfileForm}-unit-error").ShouldBe(P.UnitOutsideReach);
        TestIdText(html, "error-reason").ShouldBe(P.ReasonRequired);
        var account = (await Registry.LoadAsync("thu.nguyen", CancellationToken.None))!;
        (account.Role, account.UnitCode).ShouldBe((Roles.Supervisor, TestProvince.CommuneA1));
        (await owner.GetAsync("/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_reset_password_works_the_old_one_does_not_and_the_trail_holds_no_hash()
    {
        await CreateAccountAsync();
        using var owner = await SignedInAsync();
        using var admin = await AdminAsync();

        var reset = await ChangeAsync(admin, "thu.nguyen", "Password", new() { ["password"] = NewPassword, ["reason"] = "Quên mật khẩu" });
        var ownerAfter = await owner.GetAsync("/units");
        using var old = Browser();
        var oldSignIn = await old.SignInWithPasswordAsync("thu.nguyen", Password);

        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect, await reset.Content.ReadAsStringAsync());
        ownerAfter.Headers.Location!.OriginalString.ShouldStartWith("/signin");
        (await SignInErrorAsync(oldSignIn)).ShouldBe(T.SignInWrongPassword);
        using var renewed = await SignedInAsync("thu.nguyen", NewPassword);
        var entry = (await AdminEntriesAsync(AuditActions.AccountPasswordReset)).ShouldHaveSingleItem();
        entry.Reason.ShouldBe("Quên mật khẩu");
        var stored = (await Registry.LoadAsync("thu.nguyen", CancellationToken.None))!;
        $"{entry.Before}{entry.After}".ShouldNotContain(stored.PasswordHash!);
        $"{entry.Before}{entry.After}".ShouldNotContain(NewPassword);
    }

    [Fact]
    public async Task after_a_reset_the_owner_must_change_the_password_before_opening_any_other_page()
    {
        await CreateAccountAsync();
        using var admin = await AdminAsync();
        (await ChangeAsync(admin, "thu.nguyen", "Password", new() { ["password"] = NewPassword, ["reason"] = "Quên mật khẩu" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var owner = await SignedInAsync("thu.nguyen", NewPassword);

        var units = await owner.GetAsync("/units");
        var form = await HtmlOf(await owner.GetAsync("/account/password"));
        var changed = await owner.PostFormAsync("/account/password",
            new() { ["currentPassword"] = NewPassword, ["newPassword"] = Password + " mới", ["confirmPassword"] = Password + " mới" });
        var unitsAfter = await owner.GetAsync("/units");

        units.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        units.Headers.Location!.OriginalString.ShouldBe("/account/password");
        TestIdText(form, "must-change-password").ShouldBe(P.MustChangePassword);
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        unitsAfter.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_weak_new_password_is_refused_beside_its_field_and_the_old_one_still_works()
    {
        await CreateAccountAsync();
        using var admin = await AdminAsync();

        var html = await HtmlOf(await ChangeAsync(admin, "thu.nguyen", "Password", new() { ["password"] = "thu.nguyen-2026-ok", ["reason"] = "Quên mật khẩu" }));

        TestIdText(html, $"{AccountsEditModel.ResetForm}-password-error").ShouldBe(T.PasswordContainsUsername);
        using var owner = await SignedInAsync();
        (await EntriesAsync()).ShouldNotContain(e => e.Action == AuditActions.AccountPasswordReset);
    }

    [Fact]
    public async Task a_reset_without_a_typed_password_shows_a_generated_one_that_signs_in()
    {
        await CreateAccountAsync();
        using var admin = await AdminAsync();

        var html = await HtmlOf(await ChangeAsync(admin, "thu.nguyen", "Password", new() { ["password"] = "", ["reason"] = "Quên mật khẩu" }));
        var generated = TestIdText(html, "generated-password");

        generated.ShouldNotBeNull(html);
        using var owner = await SignedInAsync("thu.nguyen", generated);
    }

    [Fact]
    public async Task with_the_second_factor_turned_off_the_account_signs_in_without_a_code()
    {
        await CreateAccountAsync();
        using (var owner = await SignedInAsync()) await EnrolTotpAsync(owner);
        using var admin = await AdminAsync();
        using var before = Browser();
        (await before.SignInWithPasswordAsync("thu.nguyen", Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "a code is asked for");

        var off = await ChangeAsync(admin, "thu.nguyen", "TotpOff", new() { ["reason"] = "Mất điện thoại" });
        using var after = Browser();
        var signIn = await after.SignInWithPasswordAsync("thu.nguyen", Password);

        off.StatusCode.ShouldBe(HttpStatusCode.Redirect, await off.Content.ReadAsStringAsync());
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        (await AdminEntriesAsync(AuditActions.AccountTotpDisabled)).ShouldHaveSingleItem().Reason.ShouldBe("Mất điện thoại");
    }

    [Fact]
    public async Task the_list_shows_a_disabled_account_and_its_second_factor()
    {
        await CreateAccountAsync();
        await Administration.DisableAsync("thu.nguyen", TestAdmin, null, CancellationToken.None);
        using var admin = await AdminAsync();

        var html = await HtmlOf(await admin.GetAsync("/admin/accounts"));
        var row = html[html.IndexOf("data-testid=\"account-thu.nguyen\"", StringComparison.Ordinal)..];

        TestIdText(row, "account-status").ShouldBe(P.Disabled);
        TestIdText(row, "account-totp").ShouldBe(P.Off);
    }
}
