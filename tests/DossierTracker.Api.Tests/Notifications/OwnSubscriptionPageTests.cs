using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary>Each signed-in account manages its own subscription on /subscriptions: its own email, a unit within its scope.</summary>
public sealed class OwnSubscriptionPageTests(TrackerApp app) : NotificationScenario(app)
{
    private const string Password = "mây trắng bay trên đồi chè";

    private async Task<DashboardForms> SignedInDistrictSupervisorAsync()
    {
        var problems = await App.Host.Services.GetRequiredService<AccountAdministration>().CreateAsync(
            new AccountProfile("hoa.le", "Lê Thị Hoa", "hoa.le@caophong.gov.vn", Roles.Supervisor, TestProvince.DistrictA), Password,
            AuditActor.System("test"), CancellationToken.None);
        problems.ShouldBeEmpty();
        var browser = DashboardForms.For(App.Host);
        (await browser.SignInWithPasswordAsync("hoa.le", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<JsonArray> SubscriptionsAsync() =>
        (await (await GetAsync("/api/subscriptions", AdminKey)).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();

    [Fact]
    public async Task an_account_subscribes_its_own_address_to_a_unit_of_its_scope_from_the_page_linked_in_the_nav()
    {
        using var browser = await SignedInDistrictSupervisorAsync();
        var page = await browser.GetAsync("/subscriptions");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()).ShouldContain("Đăng ký nhận thông báo");

        var saved = await browser.PostFormAsync("/subscriptions", new() { ["unitCode"] = TestProvince.CommuneA1, ["lateAlerts"] = "true" });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var subscription = (await SubscriptionsAsync()).ShouldHaveSingleItem()!;
        subscription["email"]!.GetValue<string>().ShouldBe("hoa.le@caophong.gov.vn");
        subscription["unitCode"]!.GetValue<string>().ShouldBe(TestProvince.CommuneA1);
        subscription["accountId"]!.GetValue<string>().ShouldBe("hoa.le");
        subscription["lateAlerts"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_unit_outside_the_accounts_scope_is_refused_and_nothing_is_stored()
    {
        using var browser = await SignedInDistrictSupervisorAsync();
        await browser.GetAsync("/subscriptions");

        var refused = await browser.PostFormAsync("/subscriptions", new() { ["unitCode"] = TestProvince.DistrictB, ["digest"] = "true" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SubscriptionsAsync()).ShouldBeEmpty();
    }
}
