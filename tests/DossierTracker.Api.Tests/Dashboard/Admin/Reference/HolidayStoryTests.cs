using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Security;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>
/// Issue 18's "done when", in a real browser: an admin signs in with a username and password, adds a holiday on the
/// calendar page, a dossier received afterwards is due later than one received the same way before, and the audit page
/// says who added it and why. The dossiers lie in March 2021, before the shared data, and are resolved at once, so the
/// other browser tests' lists and figures stay as they are.
/// </summary>
public sealed class HolidayStoryTests(DashboardFixture dashboard) : BrowserScenario(dashboard)
{
    private const string Username = "quan.tri.tinh";
    private const string Password = "đường về quê ngoại xa xa";
    private const string FullName = "Lê Văn Quản";
    private const string Reason = "Nghỉ bù theo Thông báo số 12/TB-UBND";

    [Fact]
    public async Task an_admin_adds_a_holiday_in_the_browser_due_times_of_new_dossiers_move_and_the_audit_page_shows_who_and_why()
    {
        (await Dashboard.Accounts.CreateAsync(new AccountProfile(Username, FullName, "quan.tri@example.gov.vn", Roles.Admin, TestProvince.Province),
            Password, AuditActor.System("test"), CancellationToken.None)).ShouldBeEmpty();
        var before = await ReceiveAsync("000.00.01.H99-210301-9001");

        await SignInWithPasswordAsync(Username, Password);
        await Page.GetByTestId("nav-admin").ClickAsync();
        await Page.GetByTestId("admin-calendar").ClickAsync();
        await Page.Locator("a[rel=prev]").ClickAsync();
        await Page.FillAsync("#add-day", "03/03/2021");
        await Page.SelectOptionAsync("#add-kind", "holiday");
        await Page.FillAsync("#add-reason", Reason);
        await Page.GetByTestId("add-day").ClickAsync();
        await Page.GetByTestId("saved").WaitForAsync();
        (await Page.Locator("td[data-date='2021-03-03']").GetAttributeAsync("data-kind")).ShouldBe("holiday");
        await ScreenshotAsync("admin-calendar");

        var after = await ReceiveAsync("000.00.01.H99-210301-9002");

        before.ShouldBe(DateTimeOffset.Parse("2021-03-04T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        after.ShouldBe(before.AddDays(1));

        await Page.GetByTestId("nav-audit").ClickAsync();
        await Page.SelectOptionAsync("#action", AuditActions.CalendarYearCorrected);
        await Page.ClickAsync(".filters button[type=submit]");
        var entry = Page.GetByTestId("audit-entry").Filter(new() { HasText = "2021" });
        (await entry.GetByTestId("audit-actor").InnerTextAsync()).ShouldStartWith(FullName + " (tài khoản");
        (await entry.GetByTestId("audit-reason").InnerTextAsync()).ShouldBe(Reason);
    }

    /// <summary>Receives a dossier on Monday 1 March 2021 with a three-working-day procedure, resolves it, and answers its due time.</summary>
    private async Task<DateTimeOffset> ReceiveAsync(string code)
    {
        using var ingest = Dashboard.Api(Dashboard.IngestKey);
        (await ingest.PostAsJsonAsync("/api/events", new
        {
            eventId = code + "-received", type = "received", dossierCode = code, occurredAt = "2021-03-01T09:00:00+07:00",
            unitCode = TestProvince.Justice, procedureCode = TestProvince.BirthRegistration, channel = "direct",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ingest.PostAsJsonAsync("/api/events", new
        {
            eventId = code + "-resolved", type = "resolved", dossierCode = code, occurredAt = "2021-03-02T10:00:00+07:00",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var supervisor = Dashboard.Api(Dashboard.SupervisorKey);
        var dossier = (await supervisor.GetFromJsonAsync<JsonObject>("/api/dossiers/" + Uri.EscapeDataString(code)))!;
        return DateTimeOffset.Parse(dossier["originalDueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
