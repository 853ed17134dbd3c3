using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Notifications.Webhooks;

/// <summary>Registering, listing and removing webhooks: input, scope, secrets, audit.</summary>
public sealed class WebhookRegistrationTests(WebhookApp app) : WebhookScenario(app)
{
    private const string Url = "https://motcua.example.gov.vn/hooks/tracker";

    private async Task<JsonArray> ListAsync(string key)
    {
        var response = await SendAsync(HttpMethod.Get, "/api/webhooks", null, key);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
    }

    private async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task registration_shows_the_secret_once_and_the_list_never()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/webhooks", new { url = Url, unitCode = TestProvince.DistrictA, events = new[] { "due-soon", "late" } }, AdminKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        created["secret"]!.GetValue<string>().Length.ShouldBeGreaterThanOrEqualTo(64);
        response.Headers.Location!.ToString().ShouldBe($"/api/webhooks/{created["id"]}");
        var listed = (await ListAsync(AdminKey)).ShouldHaveSingleItem()!.AsObject();
        listed["id"]!.GetValue<string>().ShouldBe(created["id"]!.GetValue<string>());
        listed["events"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["late", "due-soon"]);
        listed.ContainsKey("secret").ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{ "url": "/hooks/relative", "unitCode": "000.00.01.H99", "events": ["late"] }""", "url")]
    [InlineData("""{ "url": "ftp://example.org/hook", "unitCode": "000.00.01.H99", "events": ["late"] }""", "url")]
    [InlineData("""{ "url": "https://user:pw@example.org/hook", "unitCode": "000.00.01.H99", "events": ["late"] }""", "url")]
    [InlineData("""{ "url": "https://example.org/hook", "unitCode": "000.00.01.H99", "events": ["late", "overdue"] }""", "events[1]")]
    [InlineData("""{ "url": "https://example.org/hook", "unitCode": "000.00.01.H99", "events": [] }""", "events")]
    [InlineData("""{ "url": "https://example.org/hook", "events": ["late"] }""", "unitCode")]
    public async Task bad_registration_is_a_validation_problem_and_stores_nothing(string body, string field)
    {
        var problem = await ProblemAsync(await SendAsync(HttpMethod.Post, "/api/webhooks", body, AdminKey), HttpStatusCode.BadRequest);

        problem["errors"]!.AsObject().ContainsKey(field).ShouldBeTrue(problem.ToJsonString());
        (await ListAsync(AdminKey)).ShouldBeEmpty();
    }

    [Fact]
    public async Task unknown_unit_is_a_422_and_stores_nothing()
    {
        var problem = await ProblemAsync(await SendAsync(HttpMethod.Post, "/api/webhooks",
            new { url = Url, unitCode = "000.99.99.H99", events = new[] { "late" } }, AdminKey), HttpStatusCode.UnprocessableEntity);

        problem["type"]!.GetValue<string>().ShouldEndWith("/unknown-unit");
        (await ListAsync(AdminKey)).ShouldBeEmpty();
    }

    [Fact]
    public async Task admin_cannot_register_outside_its_scope()
    {
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");

        await ProblemAsync(await SendAsync(HttpMethod.Post, "/api/webhooks",
            new { url = Url, unitCode = TestProvince.Justice, events = new[] { "late" } }, districtAdmin), HttpStatusCode.Forbidden);
        (await ListAsync(AdminKey)).ShouldBeEmpty();
    }

    [Fact]
    public async Task admin_neither_sees_nor_removes_a_webhook_outside_its_scope()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/webhooks", new { url = Url, unitCode = TestProvince.Justice, events = new[] { "late" } }, AdminKey);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var districtAdmin = await App.CreateKeyAsync(Roles.Admin, TestProvince.DistrictA, "district admin");

        (await ListAsync(districtAdmin)).ShouldBeEmpty();
        (await ProblemAsync(await SendAsync(HttpMethod.Delete, $"/api/webhooks/{id}", null, districtAdmin), HttpStatusCode.NotFound))["type"]!
            .GetValue<string>().ShouldEndWith("/webhook-not-found");
        await ProblemAsync(await SendAsync(HttpMethod.Get, $"/api/webhooks/{id}/deliveries", null, districtAdmin), HttpStatusCode.NotFound);
        (await ListAsync(AdminKey)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task supervisor_may_not_manage_webhooks()
    {
        await ProblemAsync(await SendAsync(HttpMethod.Get, "/api/webhooks", null, SupervisorKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await SendAsync(HttpMethod.Post, "/api/webhooks",
            new { url = Url, unitCode = TestProvince.Justice, events = new[] { "late" } }, SupervisorKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task registration_and_removal_are_audited_without_the_secret()
    {
        var created = await SendAsync(HttpMethod.Post, "/api/webhooks?reason=H%E1%BB%87%20th%E1%BB%91ng%20m%E1%BB%99t%20c%E1%BB%ADa",
            new { url = Url, unitCode = TestProvince.Justice, events = new[] { "late" } }, AdminKey);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<string>();
        (await SendAsync(HttpMethod.Delete, $"/api/webhooks/{id}", null, AdminKey)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var audit = await (await SendAsync(HttpMethod.Get, $"/api/audit?subject={id}", null, AdminKey)).Content.ReadAsStringAsync();
        var actions = JsonNode.Parse(audit)!["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        actions.ShouldBe(["webhook.removed", "webhook.registered"], ignoreOrder: true);
        audit.ShouldContain("Hệ thống một cửa");
        audit.ShouldNotContain(body["secret"]!.GetValue<string>());
        (await ListAsync(AdminKey)).ShouldBeEmpty();
    }
}
