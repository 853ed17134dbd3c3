using System.Net;
using System.Text.Json.Nodes;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>The admin area's calendar: one day added or removed at a time, stored as PUT /api/calendar/{year} stores a year.</summary>
public sealed class CalendarFormTests(TrackerApp app) : ReferenceAdminScenario(app)
{
    private async Task<JsonObject> YearAsync(int year) =>
        JsonNode.Parse(await (await GetAsync($"/api/calendar/{year}")).Content.ReadAsStringAsync())!.AsObject();

    private static List<string> Days(JsonObject year, string list) => year[list]!.AsArray().Select(d => d!.GetValue<string>()).ToList();

    [Fact]
    public async Task an_admin_adds_a_holiday_which_the_api_then_reports_and_the_audit_trail_names_the_account_and_reason()
    {
        using var browser = await AdminAsync();
        var before = Days(await YearAsync(2027), "holidays");

        var response = await PostAsync(browser, "/admin/calendar?year=2027", "Add", new()
        {
            ["day"] = "20/08/2027", ["kind"] = "holiday", ["reason"] = "Nghỉ bù theo Thông báo của UBND tỉnh",
        });
        var page = await HtmlAsync(await browser.GetAsync("/admin/calendar?year=2027"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var year = await YearAsync(2027);
        Days(year, "holidays").ShouldBe([.. before.Append("2027-08-20").Order()]);
        year["changedBy"]!.GetValue<string>().ShouldStartWith(AdminName);
        page.ShouldContain("data-date=\"2027-08-20\" data-kind=\"holiday\"");
        var entry = (await AccountAuditAsync()).ShouldHaveSingleItem();
        (entry.Action, entry.ActorName, entry.Subject, entry.Reason)
            .ShouldBe((AuditActions.CalendarYearCorrected, AdminName, "2027", "Nghỉ bù theo Thông báo của UBND tỉnh"));
    }

    [Fact]
    public async Task a_swapped_working_day_on_a_weekday_gets_the_api_s_message_and_nothing_is_stored()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/calendar?year=2027", "Add", new()
        {
            ["day"] = "18/08/2027", ["kind"] = "working-day", ["reason"] = "Làm bù",
        }));

        FieldErrors(html, "day").ShouldBe(["workingDays lists weekend days that are worked; a weekday is already a working day."]);
        (await YearAsync(2027))["source"]!.GetValue<string>().ShouldNotBe("operator");
    }

    [Fact]
    public async Task a_day_of_another_year_gets_the_api_s_message()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/calendar?year=2027", "Add", new()
        {
            ["day"] = "02/01/2028", ["kind"] = "holiday", ["reason"] = "Nghỉ",
        }));

        FieldErrors(html, "day").ShouldBe(["Every holiday must be in 2027."]);
    }

    [Fact]
    public async Task a_swapped_saturday_is_added_then_removed_each_with_its_reason()
    {
        using var browser = await AdminAsync();

        (await PostAsync(browser, "/admin/calendar?year=2027", "Add", new() { ["day"] = "21/08/2027", ["kind"] = "working-day", ["reason"] = "Làm bù" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Days(await YearAsync(2027), "workingDays").ShouldContain("2027-08-21");
        (await PostAsync(browser, "/admin/calendar?year=2027", "Remove", new() { ["day"] = "2027-08-21", ["reason"] = "Hủy làm bù" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Days(await YearAsync(2027), "workingDays").ShouldNotContain("2027-08-21");
        // Both entries may carry the same instant (the test's clock), so their order in the table is not theirs: the
        // days above show the order, the audit shows both reasons.
        (await AccountAuditAsync()).Select(e => e.Reason).ShouldBe(["Làm bù", "Hủy làm bù"], ignoreOrder: true);
    }

    [Fact]
    public async Task without_a_reason_no_day_is_added()
    {
        using var browser = await AdminAsync();

        var html = await HtmlAsync(await PostAsync(browser, "/admin/calendar?year=2027", "Add", new() { ["day"] = "20/08/2027", ["kind"] = "holiday" }));

        FieldErrors(html, "reason").ShouldHaveSingleItem();
        (await YearAsync(2027))["source"]!.GetValue<string>().ShouldNotBe("operator");
    }
}
