using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Notifications;

/// <summary><c>POST/GET/DELETE /api/subscriptions</c>: admin within its scope, problem details for bad input, audited.</summary>
public sealed class SubscriptionApiTests(TrackerApp app) : NotificationScenario(app)
{
    private async Task<JsonObject> ListAsync(string? key = null) =>
        (await (await GetAsync("/api/subscriptions", key ?? AdminKey)).Content.ReadFromJsonAsync<JsonObject>())!;

    [Fact]
    public async Task admin_subscribes_an_address_to_a_unit_and_lists_it()
    {
        var created = await SubscribeAsync("lanhdao@stp.gov.vn", TestProvince.Justice, digest: true);

        var list = await ListAsync();
        list["total"]!.GetValue<int>().ShouldBe(1);
        var item = list["items"]![0]!;
        item["id"]!.GetValue<string>().ShouldBe(created["id"]!.GetValue<string>());
        item["email"]!.GetValue<string>().ShouldBe("lanhdao@stp.gov.vn");
        item["unitName"]!.GetValue<string>().ShouldBe("Sở Tư pháp");
        item["digest"]!.GetValue<bool>().ShouldBeTrue();
        item["lateAlerts"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task subscribing_the_same_address_to_the_same_unit_again_changes_it()
    {
        await SubscribeAsync("lanhdao@stp.gov.vn", TestProvince.Justice, digest: true);

        var again = await SendAsync(HttpMethod.Post, "/api/subscriptions",
            new { email = "lanhdao@stp.gov.vn", unitCode = TestProvince.Justice, digest = false, lateAlerts = true }, AdminKey);

        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await ListAsync();
        list["total"]!.GetValue<int>().ShouldBe(1);
        list["items"]![0]!["lateAlerts"]!.GetValue<bool>().ShouldBeTrue();
        list["items"]![0]!["digest"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory]
    [InlineData("not-an-email", TestProvince.Justice, true, false, "email")]
    [InlineData("two@a.vn, three@b.vn", TestProvince.Justice, true, false, "email")]
    [InlineData("lanhdao@stp.gov.vn", TestProvince.Justice, false, false, "digest")]
    [InlineData("lanhdao@stp.gov.vn", "", true, false, "unitCode")]
    public async Task bad_fields_are_a_validation_problem_and_store_nothing(string email, string unitCode, bool digest, bool lateAlerts, string field)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/subscriptions", new { email, unitCode, digest, lateAlerts }, AdminKey);

        var problem = await ProblemOf(response, HttpStatusCode.BadRequest);
        problem["errors"]![field].ShouldNotBeNull();
        (await ListAsync())["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task unknown_unit_is_refused()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/subscriptions",
            new { email = "a@b.gov.vn", unitCode = "000.99.99.H99", digest = true }, AdminKey);

        ShouldHaveType(await ProblemOf(response, HttpStatusCode.UnprocessableEntity), "unknown-unit");
        (await ListAsync())["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task an_admin_cannot_subscribe_to_a_unit_outside_its_scope_nor_see_or_end_such_subscriptions()
    {
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");
        var elsewhere = await SubscribeAsync("b@dabac.gov.vn", TestProvince.DistrictB, digest: true);

        var post = await SendAsync(HttpMethod.Post, "/api/subscriptions",
            new { email = "a@caophong.gov.vn", unitCode = TestProvince.DistrictB, digest = true }, districtAdmin);
        ShouldHaveType(await ProblemOf(post, HttpStatusCode.Forbidden), "forbidden");
        (await ListAsync(districtAdmin))["total"]!.GetValue<int>().ShouldBe(0);
        var delete = await SendAsync(HttpMethod.Delete, $"/api/subscriptions/{elsewhere["id"]}", null, districtAdmin);
        ShouldHaveType(await ProblemOf(delete, HttpStatusCode.Forbidden), "forbidden");
        (await ListAsync())["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task a_supervisor_may_not_subscribe_anyone()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/subscriptions",
            new { email = "a@b.gov.vn", unitCode = TestProvince.Justice, digest = true }, SupervisorKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task deleting_ends_the_subscription_and_an_unknown_id_is_not_found()
    {
        var created = await SubscribeAsync("lanhdao@stp.gov.vn", TestProvince.Justice, lateAlerts: true);

        (await SendAsync(HttpMethod.Delete, $"/api/subscriptions/{created["id"]}", null, AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListAsync())["total"]!.GetValue<int>().ShouldBe(0);
        var again = await SendAsync(HttpMethod.Delete, $"/api/subscriptions/{created["id"]}", null, AdminKey);
        ShouldHaveType(await ProblemOf(again, HttpStatusCode.NotFound), "not-found");
    }

    [Fact]
    public async Task subscribing_and_ending_are_in_the_audit_trail_with_the_reason()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/subscriptions?reason=L%C3%A3nh%20%C4%91%E1%BA%A1o%20s%E1%BB%9F",
            new { email = "lanhdao@stp.gov.vn", unitCode = TestProvince.Justice, digest = true }, AdminKey);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsync(HttpMethod.Delete, $"/api/subscriptions/{id}", null, AdminKey);

        var audit = (await (await GetAsync("/api/audit?subject=" + id, AdminKey)).Content.ReadFromJsonAsync<JsonObject>())!;
        var actions = audit["items"]!.AsArray().Select(i => i!["action"]!.GetValue<string>()).ToList();
        actions.ShouldBe(["subscription.deleted", "subscription.created"]);
        audit["items"]![1]!["reason"]!.GetValue<string>().ShouldBe("Lãnh đạo sở");
    }
}
