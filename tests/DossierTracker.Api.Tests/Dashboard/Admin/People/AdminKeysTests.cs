using System.Net;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Dashboard.Admin.People;

public sealed class AdminKeysTests(TrackerApp app) : PeopleScenario(app)
{
    private ApiKeyRegistry Keys => App.Host.Services.GetRequiredService<ApiKeyRegistry>();

    private static Dictionary<string, string> KeyForm(string name = "Một cửa huyện A", string role = Roles.Supervisor, string unit = TestProvince.DistrictA,
        string reason = "Huyện A cần xem báo cáo") => new() { ["name"] = name, ["role"] = role, ["unit"] = unit, ["reason"] = reason };

    [Fact]
    public async Task a_created_key_is_shown_once_uncached_and_works_on_the_api()
    {
        using var admin = await AdminAsync();

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/keys/new", "/admin/keys/new", KeyForm()));
        var key = TestIdText(html, "created-key");

        key.ShouldNotBeNull(html);
        ApiKeySecret.TryParse(key, out var id, out _).ShouldBeTrue();
        var list = await HtmlOf(await admin.GetAsync("/admin/keys"));
        list.ShouldContain(id);
        list.ShouldNotContain(key);
        using var client = App.Client(key);
        (await client.GetAsync($"/api/dossiers/late?unit={TestProvince.DistrictA}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stored = await Keys.FindAsync(id, CancellationToken.None);
        stored.ShouldNotBeNull();
        (stored.Role, stored.UnitCode, stored.Name).ShouldBe((Roles.Supervisor, TestProvince.DistrictA, "Một cửa huyện A"));
    }

    [Fact]
    public async Task creating_a_key_is_audited_with_the_admin_account_and_the_reason_and_no_secret()
    {
        using var admin = await AdminAsync();

        var key = TestIdText(await HtmlOf(await SubmitAsync(admin, "/admin/keys/new", "/admin/keys/new", KeyForm())), "created-key")!;

        var entry = (await AdminEntriesAsync(AuditActions.KeyCreated)).ShouldHaveSingleItem();
        ApiKeySecret.TryParse(key, out var id, out var secret);
        entry.Subject.ShouldBe(id);
        entry.Reason.ShouldBe("Huyện A cần xem báo cáo");
        entry.After!.ToJsonString().ShouldNotContain(secret);
        entry.After.ToJsonString().ShouldNotContain("secretHash", Case.Insensitive);
    }

    [Fact]
    public async Task a_key_form_with_errors_shows_each_beside_its_field_and_creates_nothing()
    {
        using var admin = await AdminAsync();
        var before = (await Keys.ListAsync(CancellationToken.None)).Count;

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/keys/new", "/admin/keys/new",
            KeyForm(name: " ", role: "root", unit: "999.99.99.X00", reason: "")));

        TestIdText(html, "key-name-error").ShouldBe(P.KeyNameRequired);
        TestIdText(html, "key-role-error").ShouldBe(P.RoleInvalid);
        TestIdText(html, "key-unit-error").ShouldBe(P.UnitUnknown);
        TestIdText(html, "error-reason").ShouldBe(P.ReasonRequired);
        TestIdText(html, "created-key").ShouldBeNull();
        (await Keys.ListAsync(CancellationToken.None)).Count.ShouldBe(before);
        (await EntriesAsync()).ShouldNotContain(e => e.Action == AuditActions.KeyCreated && e.ActorKind == AuditActor.AccountKind);
    }

    [Fact]
    public async Task a_district_admin_cannot_give_a_key_a_unit_outside_its_subtree()
    {
        using var admin = await AdminAsync(TestProvince.DistrictA);
        var before = (await Keys.ListAsync(CancellationToken.None)).Count;

        var html = await HtmlOf(await SubmitAsync(admin, "/admin/keys/new", "/admin/keys/new", KeyForm(unit: TestProvince.DistrictB)));

        TestIdText(html, "key-unit-error").ShouldBe(P.UnitOutsideReach);
        (await Keys.ListAsync(CancellationToken.None)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task a_revoked_key_is_refused_by_the_api_afterwards_and_the_revocation_is_audited()
    {
        var key = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.DistrictA, "old scanner");
        ApiKeySecret.TryParse(key, out var id, out _);
        using var admin = await AdminAsync();
        using var client = App.Client(key);
        (await client.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var confirm = await HtmlOf(await admin.GetAsync($"/admin/keys/{id}/revoke"));
        var revoked = await admin.PostFormAsync($"/admin/keys/{id}/revoke", new() { ["reason"] = "Máy quét đã hỏng" });

        confirm.ShouldContain("old scanner");
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect, await revoked.Content.ReadAsStringAsync());
        revoked.Headers.Location!.OriginalString.ShouldBe($"/admin/keys?revoked={id}");
        (await client.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var entry = (await AdminEntriesAsync(AuditActions.KeyRevoked)).ShouldHaveSingleItem();
        (entry.Subject, entry.Reason).ShouldBe((id, "Máy quét đã hỏng"));
        CellOf(await HtmlOf(await admin.GetAsync("/admin/keys")), id, "key-status")!.ShouldStartWith(P.RevokedAtFormat[..^3]);
    }

    [Fact]
    public async Task revoking_without_a_reason_revokes_nothing()
    {
        var key = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.DistrictA, "old scanner");
        ApiKeySecret.TryParse(key, out var id, out _);
        using var admin = await AdminAsync();

        var html = await HtmlOf(await SubmitAsync(admin, $"/admin/keys/{id}/revoke", $"/admin/keys/{id}/revoke", new() { ["reason"] = "  " }));

        TestIdText(html, "error-reason").ShouldBe(P.ReasonRequired);
        (await Keys.FindAsync(id, CancellationToken.None))!.IsRevoked.ShouldBeFalse();
        using var client = App.Client(key);
        (await client.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_revocation_posted_without_the_antiforgery_token_is_refused_and_revokes_nothing()
    {
        var key = await App.CreateKeyAsync(Roles.Supervisor, TestProvince.DistrictA, "old scanner");
        ApiKeySecret.TryParse(key, out var id, out _);
        using var admin = await AdminAsync();
        using var forged = DashboardForms.For(App.Host);
        foreach (var (name, value) in admin.Cookies) forged.Cookies[name] = value;

        var response = await forged.PostFormAsync($"/admin/keys/{id}/revoke", new() { ["reason"] = "từ một trang khác" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Keys.FindAsync(id, CancellationToken.None))!.IsRevoked.ShouldBeFalse();
    }

    [Fact]
    public async Task the_list_shows_when_a_key_was_last_used_and_never_for_an_unused_one()
    {
        var used = await App.CreateKeyAsync(Roles.Ingest, TestProvince.DistrictA, "used");
        var unused = await App.CreateKeyAsync(Roles.Ingest, TestProvince.DistrictA, "unused");
        ApiKeySecret.TryParse(used, out var usedId, out _);
        ApiKeySecret.TryParse(unused, out var unusedId, out _);
        using var admin = await AdminAsync();
        using (var client = App.Client(used)) (await client.GetAsync("/api/units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var html = await HtmlOf(await admin.GetAsync("/admin/keys"));

        CellOf(html, usedId, "last-used").ShouldNotBe(P.NeverUsed);
        CellOf(html, unusedId, "last-used").ShouldBe(P.NeverUsed);
    }

    [Fact]
    public async Task a_district_admin_lists_only_the_keys_of_its_subtree()
    {
        var inside = await App.CreateKeyAsync(Roles.Ingest, TestProvince.CommuneA1, "commune A1");
        var outside = await App.CreateKeyAsync(Roles.Ingest, TestProvince.DistrictB, "district B");
        ApiKeySecret.TryParse(inside, out var insideId, out _);
        ApiKeySecret.TryParse(outside, out var outsideId, out _);
        using var admin = await AdminAsync(TestProvince.DistrictA);

        var html = await HtmlOf(await admin.GetAsync("/admin/keys"));

        html.ShouldContain($"data-testid=\"key-{insideId}\"");
        html.ShouldNotContain($"data-testid=\"key-{outsideId}\"");
        (await admin.GetAsync($"/admin/keys/{outsideId}/revoke")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A cell of the key's row in the list.</summary>
    private static string? CellOf(string html, string id, string testId)
    {
        var row = html.IndexOf($"data-testid=\"key-{id}\"", StringComparison.Ordinal);
        row.ShouldBeGreaterThanOrEqualTo(0, $"key {id} is listed");
        return TestIdText(html[row..], testId);
    }
}
