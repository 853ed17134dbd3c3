using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DossierTracker.Api.Tests.Security;

/// <summary>
/// Every API endpoint × every kind of caller: no key, a revoked key, each role, and keys scoped at the target unit, a
/// unit below it, a sibling and its parent. Rules are listed per endpoint; an endpoint without a rule fails the test.
/// Dashboard accounts: their session cookie authenticates no API call, and the dashboard's unit pages answer each
/// account role × scope as the scope says. The admin pages (<see cref="AdminRequests"/>, every GET and each POST
/// handler) answer each session (account or key, supervisor or admin, scoped at the province or at a district the
/// target is outside of) and an anonymous browser as <see cref="ExpectedOnAdminPage"/> says.
/// </summary>
public sealed class AuthorizationMatrixTests(TrackerApp app) : ApiScenario(app)
{
    private const string Target = TestProvince.DistrictA;

    /// <summary>How an endpoint's answer depends on scope.</summary>
    private enum Scoping { None, UnitParameter, BodyUnit, Dossier, EventUnit, BatchEventUnit, PortalItemUnit, PortalItemDossier, UnknownResource }

    private sealed record Rule(string Policy, Scoping Scoping, Func<AuthorizationMatrixTests, string, HttpRequestMessage> Request);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["POST /api/events"] = new(Policies.Ingest, Scoping.EventUnit, (t, id) => Json(HttpMethod.Post, "/api/events", Received($"M-{id}", unitCode: Target))),
        ["POST /api/events/batch"] = new(Policies.Ingest, Scoping.BatchEventUnit,
            (t, id) => Json(HttpMethod.Post, "/api/events/batch", new { events = new[] { Received($"MB-{id}", unitCode: Target) } })),
        ["POST /api/dvcqg/DongBoHoSoMC"] = new(Policies.Ingest, Scoping.PortalItemUnit, (t, id) => Json(HttpMethod.Post, "/api/dvcqg/DongBoHoSoMC",
            new { service = "DongBoHoSoMC", data = new[] { new { MaHoSo = $"MP-{id}", MaTTHC = TestProvince.BirthRegistration, DonViXuLy = Target, KenhThucHien = "2", NgayTiepNhan = "20220801091500", TrangThaiHoSo = "2" } } })),
        ["POST /api/dvcqg/CapNhatTienDoHoSoMC"] = new(Policies.Ingest, Scoping.PortalItemDossier, (t, id) => Json(HttpMethod.Post, "/api/dvcqg/CapNhatTienDoHoSoMC",
            new { service = "CapNhatTienDoHoSoMC", data = new[] { new { MaHoSo = "AT-TARGET", ThoiDiemXuLy = "20220801100000", NguoiXuLy = $"cb-{id}" } } })),
        ["GET /api/dossiers/{dossierCode}"] = new(Policies.Supervise, Scoping.Dossier, (t, _) => new(HttpMethod.Get, "/api/dossiers/AT-TARGET")),
        ["GET /api/dossiers/late"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/dossiers/late?unit={Target}")),
        ["GET /api/dossiers/due-soon"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/dossiers/due-soon?unit={Target}")),
        ["GET /api/reports/monthly"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/reports/monthly?month=2022-08&unit={Target}")),
        ["GET /api/reports/form06"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/reports/form06?period=2022-Q3&unit={Target}")),
        ["GET /api/reports/trend"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/reports/trend?from=2022-06&to=2022-08&unit={Target}")),
        ["GET /api/reports/form06"] = new(Policies.Supervise, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/reports/form06?period=2022-Q3&unit={Target}")),
        ["GET /api/reports/form06/dossiers"] = new(Policies.Supervise, Scoping.UnitParameter,
            (t, _) => new(HttpMethod.Get, $"/api/reports/form06/dossiers?period=2022-Q3&column=received&unit={Target}")),
        ["GET /api/units"] = new(Policies.AnyKey, Scoping.None, (t, _) => new(HttpMethod.Get, "/api/units")),
        // An admin changes the units of its own scope only (issue 18, admin area).
        ["PUT /api/units"] = new(Policies.Administer, Scoping.BodyUnit, (t, _) => Json(HttpMethod.Put, "/api/units",
            new[] { new { code = Target, name = "Huyện Cao Phong", level = "district", parentCode = TestProvince.Province } })),
        ["GET /api/procedures"] = new(Policies.AnyKey, Scoping.None, (t, _) => new(HttpMethod.Get, "/api/procedures")),
        ["PUT /api/procedures"] = new(Policies.Administer, Scoping.None, (t, _) => Json(HttpMethod.Put, "/api/procedures", TestProvince.Procedures)),
        ["GET /api/calendar/{year}"] = new(Policies.AnyKey, Scoping.None, (t, _) => new(HttpMethod.Get, "/api/calendar/2026")),
        ["PUT /api/calendar/{year}"] = new(Policies.Administer, Scoping.None,
            (t, _) => Json(HttpMethod.Put, "/api/calendar/2031", new { holidays = new[] { "2031-01-01" }, workingDays = Array.Empty<string>() })),
        ["GET /api/audit"] = new(Policies.Administer, Scoping.UnitParameter, (t, _) => new(HttpMethod.Get, $"/api/audit?unit={Target}")),
        // Notifications (issue 19): a subscription names its unit in the body; the scope of DELETE is in NotificationTests.
        ["POST /api/subscriptions"] = new(Policies.Administer, Scoping.EventUnit,
            (t, id) => Json(HttpMethod.Post, "/api/subscriptions", new { email = $"m{id}@donvi.gov.vn", unitCode = Target, digest = true })),
        ["GET /api/subscriptions"] = new(Policies.Administer, Scoping.None, (t, _) => new(HttpMethod.Get, "/api/subscriptions")),
        ["DELETE /api/subscriptions/{id}"] = new(Policies.Administer, Scoping.UnknownResource,
            (t, _) => new(HttpMethod.Delete, "/api/subscriptions/00000000-0000-0000-0000-000000000000")),
        // Webhooks (issue 19): the unit is in the body; an id outside the scope is answered as unknown (WebhookRegistrationTests).
        ["POST /api/webhooks"] = new(Policies.Administer, Scoping.EventUnit,
            (t, id) => Json(HttpMethod.Post, "/api/webhooks", new { url = $"https://hethong.example.gov.vn/hook/{id}", unitCode = Target, events = new[] { "late" } })),
        ["GET /api/webhooks"] = new(Policies.Administer, Scoping.None, (t, _) => new(HttpMethod.Get, "/api/webhooks")),
        ["DELETE /api/webhooks/{id}"] = new(Policies.Administer, Scoping.UnknownResource,
            (t, _) => new(HttpMethod.Delete, "/api/webhooks/00000000-0000-0000-0000-000000000000")),
        ["GET /api/webhooks/{id}/deliveries"] = new(Policies.Administer, Scoping.UnknownResource,
            (t, _) => new(HttpMethod.Get, "/api/webhooks/00000000-0000-0000-0000-000000000000/deliveries")),
    };

    private static readonly Dictionary<string, string[]> RolesOfPolicy = new()
    {
        [Policies.Ingest] = [Roles.Ingest, Roles.Admin],
        [Policies.Supervise] = [Roles.Supervisor, Roles.Admin],
        [Policies.Administer] = [Roles.Admin],
        [Policies.AnyKey] = [Roles.Ingest, Roles.Supervisor, Roles.Admin],
    };

    /// <summary>Where a key is scoped, relative to the target unit, and whether that covers the target.</summary>
    private static readonly (string Name, string Unit, bool Covers)[] Scopes =
    [
        ("own unit", Target, true),
        ("parent unit", TestProvince.Province, true),
        ("child unit", TestProvince.CommuneA1, false),
        ("sibling unit", TestProvince.DistrictB, false),
    ];

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    [Fact]
    public void every_api_endpoint_has_an_authorization_rule()
    {
        var endpoints = ApiEndpoints().ToList();

        endpoints.Where(e => !Rules.ContainsKey(e)).ShouldBeEmpty("add a rule for each new endpoint");
        Rules.Keys.Where(k => !endpoints.Contains(k)).ShouldBeEmpty("rules for endpoints that no longer exist");
    }

    [Fact]
    public async Task every_endpoint_answers_each_caller_as_its_rule_says()
    {
        await PostOkAsync(Received("AT-TARGET", unitCode: Target));
        var revoked = await App.CreateKeyAsync(Roles.Admin, TestProvince.Province, "revoked");
        await App.Host.Services.GetRequiredService<ApiKeyRegistry>().RevokeAsync(revoked, TestAudit.Setup, CancellationToken.None);

        var failures = new List<string>();
        var cases = 0;
        var id = 0;
        foreach (var (endpoint, rule) in Rules)
        {
            foreach (var (caller, key) in new[] { ("no key", (string?)null), ("revoked key", revoked) })
            {
                cases++;
                var status = await SendAsync(rule.Request(this, $"{id++}"), key);
                if (status != HttpStatusCode.Unauthorized) failures.Add($"{endpoint} with {caller}: {status}, expected 401");
            }
            foreach (var role in Roles.All)
            foreach (var (scopeName, scopeUnit, covers) in Scopes)
            {
                cases++;
                var key = await App.CreateKeyAsync(role, scopeUnit, $"{role}@{scopeName}");
                var expected = Expected(rule, role, covers);
                var request = rule.Request(this, $"{id++}");
                var (status, itemStatus) = rule.Scoping switch
                {
                    Scoping.BatchEventUnit => await SendBatchAsync(request, key, "results"),
                    Scoping.PortalItemUnit or Scoping.PortalItemDossier => await SendBatchAsync(request, key, "result"),
                    _ => (await SendAsync(request, key), null),
                };
                if (status != expected.Status || itemStatus != expected.ItemStatus)
                    failures.Add($"{endpoint} as {role} scoped at the {scopeName}: {status}/{itemStatus}, expected {expected.Status}/{expected.ItemStatus}");
            }
        }

        failures.ShouldBeEmpty();
        cases.ShouldBe(Rules.Count * (2 + Roles.All.Count * Scopes.Length));
    }

    /// <summary>The dashboard pages about a unit: an account session sees them for units in its scope only.</summary>
    private static readonly string[] UnitPages = ["/", "/units", "/late", "/due-soon", "/report?period=2022-Q3"];

    private const string AccountPassword = "một mật khẩu đủ dài cho ma trận";

    [Fact]
    public async Task an_account_session_never_authenticates_an_api_call()
    {
        using var browser = await AccountSessionAsync(Roles.Admin, TestProvince.Province, "matrix.admin");

        var failures = new List<string>();
        var id = 0;
        foreach (var (endpoint, rule) in Rules)
        {
            using var request = rule.Request(this, $"account-{id++}");
            request.Headers.Add("Cookie", browser.CookieHeader);
            using var client = App.Client();
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{endpoint} with an admin account's session: {response.StatusCode}, expected 401");
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task every_unit_page_answers_each_account_as_its_scope_says()
    {
        var failures = new List<string>();
        foreach (var role in AccountRules.Roles)
        foreach (var (scopeName, scopeUnit, covers) in Scopes)
        {
            using var browser = await AccountSessionAsync(role, scopeUnit, $"{role}.{scopeName.Replace(' ', '-')}");
            foreach (var page in UnitPages)
            {
                var url = page + (page.Contains('?') ? "&" : "?") + $"unit={Target}";
                var status = (await browser.GetAsync(url)).StatusCode;
                var expected = covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                if (status != expected) failures.Add($"{url} as a {role} account scoped at the {scopeName}: {status}, expected {expected}");
            }
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>How an admin page's answer depends on the admin's scope.</summary>
    private enum AdminReach
    {
        /// <summary>About no unit (an index, a list filtered to the scope, an empty form): any admin is answered.</summary>
        Any,
        /// <summary>About a key or account of the target unit: an admin whose scope does not cover it is refused (403).</summary>
        Subject,
        /// <summary>A form giving the target unit: an admin whose scope does not cover it sees the form again with the error (200), nothing saved.</summary>
        FormUnit,
    }

    /// <summary>A key and an account of the target unit, made afresh for each request that changes them.</summary>
    private sealed record AdminSubjects(string KeyId, string Username);

    private sealed record AdminRequest(HttpMethod Method, Func<AdminSubjects, string> Path, AdminReach Reach, HttpStatusCode Success,
        Dictionary<string, string>? Form = null);

    private const string MatrixCommune = "000.11.02.H99", MatrixProcedure = "9.999999";

    private static Dictionary<string, string> Reason(params (string Name, string Value)[] fields) =>
        fields.Append((Name: "reason", Value: "ma trận phân quyền")).ToDictionary(f => f.Name, f => f.Value);

    /// <summary>
    /// Every admin page and each of its POST handlers; a page added to the admin area adds its lines here (the test below
    /// fails for an admin page that has none).
    /// </summary>
    private static readonly Dictionary<string, AdminRequest> AdminRequests = new()
    {
        ["GET /admin"] = new(HttpMethod.Get, _ => "/admin", AdminReach.Any, HttpStatusCode.OK),
        // The reference data (R's pages): the tree shows the admin's own subtree; procedures and calendar years are
        // province-wide, so an admin scoped below the province is refused.
        // A unit is saved (by the form or an upload's confirm) only within the admin's subtree; a preview without a file
        // shows the form again with the file's problem; a calendar day that is not in the year is refused the same way.
        ["GET /admin/units"] = new(HttpMethod.Get, _ => "/admin/units", AdminReach.Any, HttpStatusCode.OK),
        ["POST /admin/units?handler=Save"] = new(HttpMethod.Post, _ => "/admin/units?handler=Save", AdminReach.FormUnit, HttpStatusCode.Redirect,
            Reason(("code", MatrixCommune), ("name", "Xã Ma Trận"), ("level", "commune"), ("parentCode", Target), ("validFrom", "01/07/2025"))),
        ["POST /admin/units?handler=Preview"] = new(HttpMethod.Post, _ => "/admin/units?handler=Preview", AdminReach.Any, HttpStatusCode.OK, Reason()),
        ["POST /admin/units?handler=Apply"] = new(HttpMethod.Post, _ => "/admin/units?handler=Apply", AdminReach.FormUnit, HttpStatusCode.Redirect,
            Reason(("items", $$"""[{"code":"{{MatrixCommune}}","name":"Xã Ma Trận","level":"commune","parentCode":"{{Target}}","validFrom":"2025-07-01"}]"""),
                ("rows", "2"), ("sheet", "false"))),
        ["GET /admin/procedures"] = new(HttpMethod.Get, _ => "/admin/procedures", AdminReach.Subject, HttpStatusCode.OK),
        ["POST /admin/procedures?handler=Save"] = new(HttpMethod.Post, _ => "/admin/procedures?handler=Save", AdminReach.Subject, HttpStatusCode.Redirect,
            Reason(("code", MatrixProcedure), ("name", "Thủ tục ma trận"), ("processingValue", "15"), ("processingUnit", "working-days"))),
        ["POST /admin/procedures?handler=Preview"] = new(HttpMethod.Post, _ => "/admin/procedures?handler=Preview", AdminReach.Subject, HttpStatusCode.OK, Reason()),
        ["POST /admin/procedures?handler=Apply"] = new(HttpMethod.Post, _ => "/admin/procedures?handler=Apply", AdminReach.Subject, HttpStatusCode.Redirect,
            Reason(("items", $$$"""[{"code":"{{{MatrixProcedure}}}","name":"Thủ tục ma trận","processingTime":{"value":15,"unit":"working-days"}}]"""),
                ("rows", "2"), ("sheet", "false"))),
        ["GET /admin/calendar"] = new(HttpMethod.Get, _ => "/admin/calendar", AdminReach.Subject, HttpStatusCode.OK),
        ["POST /admin/calendar?handler=Add"] = new(HttpMethod.Post, _ => "/admin/calendar?year=2027&handler=Add", AdminReach.Subject, HttpStatusCode.Redirect,
            Reason(("day", "20/08/2027"), ("kind", "holiday"))),
        ["POST /admin/calendar?handler=Remove"] = new(HttpMethod.Post, _ => "/admin/calendar?year=2027&handler=Remove", AdminReach.Subject, HttpStatusCode.OK,
            Reason(("day", "21/08/2027"))),
        ["GET /admin/notifications"] = new(HttpMethod.Get, _ => "/admin/notifications", AdminReach.Any, HttpStatusCode.OK),
        ["GET /admin/keys"] = new(HttpMethod.Get, _ => "/admin/keys", AdminReach.Any, HttpStatusCode.OK),
        ["GET /admin/keys/new"] = new(HttpMethod.Get, _ => "/admin/keys/new", AdminReach.Any, HttpStatusCode.OK),
        ["POST /admin/keys/new"] = new(HttpMethod.Post, _ => "/admin/keys/new", AdminReach.FormUnit, HttpStatusCode.OK,
            Reason(("name", "matrix key"), ("role", Roles.Ingest), ("unit", Target))),
        ["GET /admin/keys/{id}/revoke"] = new(HttpMethod.Get, s => $"/admin/keys/{s.KeyId}/revoke", AdminReach.Subject, HttpStatusCode.OK),
        ["POST /admin/keys/{id}/revoke"] = new(HttpMethod.Post, s => $"/admin/keys/{s.KeyId}/revoke", AdminReach.Subject, HttpStatusCode.Redirect, Reason()),
        ["GET /admin/accounts"] = new(HttpMethod.Get, _ => "/admin/accounts", AdminReach.Any, HttpStatusCode.OK),
        ["GET /admin/accounts/new"] = new(HttpMethod.Get, _ => "/admin/accounts/new", AdminReach.Any, HttpStatusCode.OK),
        ["POST /admin/accounts/new"] = new(HttpMethod.Post, _ => "/admin/accounts/new", AdminReach.FormUnit, HttpStatusCode.OK,
            Reason(("username", "matrix.created"), ("name", "Ma Trận"), ("email", "matrix@example.gov.vn"), ("role", Roles.Supervisor), ("unit", Target),
                ("password", ""))),
        ["GET /admin/accounts/{username}"] = new(HttpMethod.Get, s => $"/admin/accounts/{s.Username}", AdminReach.Subject, HttpStatusCode.OK),
        ["POST /admin/accounts/{username}?handler=Profile"] = new(HttpMethod.Post, s => $"/admin/accounts/{s.Username}?handler=Profile", AdminReach.Subject,
            HttpStatusCode.Redirect, Reason(("role", Roles.Supervisor), ("unit", TestProvince.CommuneA1))),
        ["POST /admin/accounts/{username}?handler=Disable"] = new(HttpMethod.Post, s => $"/admin/accounts/{s.Username}?handler=Disable", AdminReach.Subject,
            HttpStatusCode.Redirect, Reason()),
        ["POST /admin/accounts/{username}?handler=Enable"] = new(HttpMethod.Post, s => $"/admin/accounts/{s.Username}?handler=Enable", AdminReach.Subject,
            HttpStatusCode.Redirect, Reason()),
        ["POST /admin/accounts/{username}?handler=Password"] = new(HttpMethod.Post, s => $"/admin/accounts/{s.Username}?handler=Password", AdminReach.Subject,
            HttpStatusCode.Redirect, Reason(("password", "một mật khẩu mới đủ dài"))),
        ["POST /admin/accounts/{username}?handler=TotpOff"] = new(HttpMethod.Post, s => $"/admin/accounts/{s.Username}?handler=TotpOff", AdminReach.Subject,
            HttpStatusCode.Redirect, Reason()),
    };

    /// <summary>Who opens the admin pages: role, how the session was opened, where it is scoped, and whether that covers the target.</summary>
    private static readonly (string Role, string Source, string ScopeName, string Unit, bool Covers)[] AdminCallers =
    [
        .. from role in AccountRules.Roles
           from source in new[] { "account", "key" }
           from scope in new[] { ("province", TestProvince.Province, true), ("other district", TestProvince.DistrictB, false) }
           select (role, source, scope.Item1, scope.Item2, scope.Item3),
    ];

    /// <summary>What an admin page answers: only admins pass; then their scope decides as the page's reach says.</summary>
    private static HttpStatusCode ExpectedOnAdminPage(AdminRequest request, string role, bool covers) =>
        role != Roles.Admin ? HttpStatusCode.Forbidden
        : covers || request.Reach == AdminReach.Any ? request.Success
        : request.Reach == AdminReach.Subject ? HttpStatusCode.Forbidden
        : HttpStatusCode.OK;

    [Fact]
    public async Task every_admin_page_and_post_handler_has_an_authorization_rule()
    {
        var pages = App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(route => route.StartsWith("admin", StringComparison.Ordinal))
            .Select(route => "/" + route)
            .Distinct()
            .ToList();

        // A page's handlers are known once it is loaded (compiled descriptor), as for its first request.
        var loader = App.Host.Services.GetRequiredService<PageLoader>();
        var postHandlers = new List<string>();
        foreach (var endpoint in App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("admin", StringComparison.Ordinal) == true))
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            postHandlers.AddRange(compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => $"POST /{endpoint.RoutePattern.RawText}{(h.Name is null ? "" : $"?handler={h.Name}")}"));
        }

        pages.ShouldNotBeEmpty();
        postHandlers.ShouldNotBeEmpty();
        pages.Where(page => !AdminRequests.Keys.Any(k => k == $"GET {page}")).ShouldBeEmpty("add a rule for the GET of each admin page");
        postHandlers.Where(handler => !AdminRequests.ContainsKey(handler)).ShouldBeEmpty("add a rule for each POST handler of an admin page");
        AdminRequests.Keys.Where(k => !pages.Any(page => k.Split(' ')[1].Split('?')[0] == page)).ShouldBeEmpty("rules for pages that no longer exist");
    }

    [Fact]
    public async Task every_admin_page_answers_each_session_as_its_role_and_scope_say()
    {
        var failures = new List<string>();
        var sessions = new List<(string Name, string Role, bool Covers, DashboardForms Browser)>();
        var n = 0;
        foreach (var (role, source, scopeName, unit, covers) in AdminCallers)
        {
            var name = $"a {role} {source} scoped at the {scopeName}";
            var browser = source == "account"
                ? await AccountSessionAsync(role, unit, $"admin-matrix.{n++}")
                : await KeySessionAsync(await App.CreateKeyAsync(role, unit, name));
            sessions.Add((name, role, covers, browser));
        }
        using var anonymous = DashboardForms.For(App.Host);

        foreach (var (page, request) in AdminRequests)
        {
            foreach (var (name, role, covers, browser) in sessions)
            {
                var (status, location) = await SendAdminAsync(browser, request, await AdminSubjectsAsync(n++), "/units");
                var expected = ExpectedOnAdminPage(request, role, covers);
                if (status != expected || location?.StartsWith("/signin", StringComparison.Ordinal) == true)
                    failures.Add($"{page} as {name}: {status} {location}, expected {expected}");
            }
            var (anonymousStatus, signIn) = await SendAdminAsync(anonymous, request, await AdminSubjectsAsync(n++), "/signin");
            if (anonymousStatus != HttpStatusCode.Redirect || signIn?.StartsWith("/signin?", StringComparison.Ordinal) != true)
                failures.Add($"{page} without a session: {anonymousStatus} {signIn}, expected a redirect to the sign-in page");
        }
        foreach (var session in sessions) session.Browser.Dispose();

        failures.ShouldBeEmpty();
    }

    private async Task<AdminSubjects> AdminSubjectsAsync(int n)
    {
        var key = await App.CreateKeyAsync(Roles.Ingest, Target, $"subject {n}");
        ApiKeySecret.TryParse(key, out var keyId, out _);
        var username = $"subject.{n}";
        (await App.Host.Services.GetRequiredService<AccountAdministration>().CreateAsync(
            new AccountProfile(username, "Subject " + n, $"{username}@example.gov.vn", Roles.Supervisor, Target), AccountPassword, AuditActor.System("test"),
            CancellationToken.None)).ShouldBeEmpty();
        return new AdminSubjects(keyId, username);
    }

    /// <summary>A GET, or a POST with the antiforgery token of a page the caller may open; the status and where a redirect goes.</summary>
    private static async Task<(HttpStatusCode, string?)> SendAdminAsync(DashboardForms browser, AdminRequest request, AdminSubjects subjects, string tokenPage)
    {
        var path = request.Path(subjects);
        if (request.Method == HttpMethod.Post) (await browser.GetAsync(tokenPage)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = request.Method == HttpMethod.Post ? await browser.PostFormAsync(path, request.Form!) : await browser.GetAsync(path);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private async Task<DashboardForms> KeySessionAsync(string key)
    {
        var browser = DashboardForms.For(App.Host);
        (await browser.SignInAsync(key)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<DashboardForms> AccountSessionAsync(string role, string unit, string username)
    {
        var problems = await App.Host.Services.GetRequiredService<AccountAdministration>().CreateAsync(
            new AccountProfile(username, "Matrix " + username, $"{username}@example.gov.vn", role, unit), AccountPassword, AuditActor.System("test"),
            CancellationToken.None);
        problems.ShouldBeEmpty();
        var browser = DashboardForms.For(App.Host);
        (await browser.SignInWithPasswordAsync(username, AccountPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private static (HttpStatusCode Status, int? ItemStatus) Expected(Rule rule, string role, bool covers)
    {
        if (!RolesOfPolicy[rule.Policy].Contains(role)) return (HttpStatusCode.Forbidden, null);
        return rule.Scoping switch
        {
            Scoping.None => (HttpStatusCode.OK, null),
            Scoping.EventUnit => (covers ? HttpStatusCode.Created : HttpStatusCode.Forbidden, null),
            Scoping.BatchEventUnit or Scoping.PortalItemUnit => (HttpStatusCode.OK, covers ? null : 403),
            // A step on a dossier outside the scope is answered as for an unknown dossier (issue 13): nothing of it shows.
            Scoping.PortalItemDossier => (HttpStatusCode.OK, covers ? null : 409),
            Scoping.Dossier => (covers ? HttpStatusCode.OK : HttpStatusCode.NotFound, null),
            Scoping.UnknownResource => (HttpStatusCode.NotFound, null),
            _ => (covers ? HttpStatusCode.OK : HttpStatusCode.Forbidden, null),
        };
    }

    private async Task<HttpStatusCode> SendAsync(HttpRequestMessage request, string? key)
    {
        using var client = App.Client(key);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A batch (and a DVCQG sync) answers 200 whatever its items' fate; the item's problem status carries the scope verdict.</summary>
    private async Task<(HttpStatusCode, int?)> SendBatchAsync(HttpRequestMessage request, string key, string results)
    {
        using var client = App.Client(key);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK) return (response.StatusCode, null);
        var item = (await response.Content.ReadFromJsonAsync<JsonObject>())![results]!.AsArray().Single()!;
        return (response.StatusCode, item["problem"]?["status"]?.GetValue<int>());
    }

    private IEnumerable<string> ApiEndpoints() =>
        App.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct();
}
