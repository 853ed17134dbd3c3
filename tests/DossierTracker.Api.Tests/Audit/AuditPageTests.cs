using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Dashboard;
using Microsoft.Playwright;

namespace DossierTracker.Api.Tests.Audit;

/// <summary>The dashboard's audit page: admins only, linked from the navigation, filtered and in local time.</summary>
public sealed partial class AuditPageTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    [Fact]
    public async Task an_admin_sees_who_corrected_a_calendar_year_when_and_why_and_its_own_sign_in()
    {
        await SignInAsync(Dashboard.AdminKey);
        // A year no test's dossiers reach, so the shared data's figures stay as they are.
        using var api = Dashboard.Api(Dashboard.AdminKey);
        (await api.PutAsJsonAsync("/api/calendar/2030?reason=" + Uri.EscapeDataString("Bổ sung ngày nghỉ bù"),
            new { holidays = new[] { "2030-09-03" } })).EnsureSuccessStatusCode();

        await Page.GetByTestId("nav-audit").ClickAsync();
        await Page.SelectOptionAsync("#action", "calendar-year.corrected");
        await Page.ClickAsync(".filters button[type=submit]");

        var entry = Page.GetByTestId("audit-entry").Filter(new() { HasText = "2030" });
        (await entry.GetByTestId("audit-actor").InnerTextAsync()).ShouldStartWith("test admin (khóa ");
        (await entry.GetByTestId("audit-action").InnerTextAsync()).ShouldBe(AuditPageText.Vietnamese.Of("calendar-year.corrected"));
        (await entry.GetByTestId("audit-reason").InnerTextAsync()).ShouldBe("Bổ sung ngày nghỉ bù");
        (await entry.Locator("td").First.InnerTextAsync()).ShouldMatch(LocalTime().ToString());
        await ScreenshotAsync("audit");

        await Page.SelectOptionAsync("#action", "sign-in");
        await Page.ClickAsync(".filters button[type=submit]");
        (await Page.GetByTestId("audit-actor").AllInnerTextsAsync()).ShouldContain(a => a.StartsWith("test admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_failed_sign_in_is_on_the_page_without_the_key()
    {
        var wrong = Dashboard.AdminKey[..^4] + "xxxx";
        await SignInAsync(wrong);

        await SignInAsync(Dashboard.AdminKey);
        await Page.GotoAsync("/audit?action=sign-in.failed");

        var rows = await Page.GetByTestId("audit-entry").AllInnerTextsAsync();
        rows.ShouldContain(r => r.Contains("test admin", StringComparison.Ordinal));
        rows.ShouldAllBe(r => !r.Contains(wrong, StringComparison.Ordinal) && !r.Contains(Dashboard.AdminKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task supervisors_have_no_link_and_are_refused()
    {
        var response = await SignedInAsync("/audit");

        response!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        (await Page.GetByTestId("nav-audit").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_bad_filter_is_refused_with_the_error_page()
    {
        await SignInAsync(Dashboard.AdminKey);

        var response = await Page.GotoAsync("/audit?from=2026-03-10&to=2026-03-01");

        response!.Status.ShouldBe((int)HttpStatusCode.BadRequest);
    }

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$")]
    private static partial Regex LocalTime();
}
