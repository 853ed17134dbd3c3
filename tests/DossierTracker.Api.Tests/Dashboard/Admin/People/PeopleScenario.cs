using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Accounts;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Dashboard.Admin.People;

/// <summary>
/// Base of the admin area's tests for keys and accounts: an admin account signed in (the province's unless told),
/// forms posted as a browser posts them, and the audit trail read back whole.
/// </summary>
public abstract partial class PeopleScenario(TrackerApp app) : AccountScenario(app)
{
    protected static readonly AdminPeopleText P = DashboardText.Vietnamese.AdminPeople;
    protected static readonly DashboardText T = DashboardText.Vietnamese;

    protected const string AdminUsername = "quan.tri";
    protected const string AdminPassword = "sương mù trên núi Ba Vì sáng nay";

    /// <summary>An admin account scoped at <paramref name="unit"/>, signed in.</summary>
    protected async Task<DashboardForms> AdminAsync(string unit = TestProvince.Province, string username = AdminUsername)
    {
        var problems = await Administration.CreateAsync(new(username, "Trần Văn Quản", $"{username}@example.gov.vn", DossierTracker.Api.Security.Roles.Admin, unit),
            AdminPassword, TestAdmin, CancellationToken.None);
        problems.ShouldBeEmpty();
        return await SignedInAsync(username, AdminPassword);
    }

    /// <summary>Opens the page (for its antiforgery token) and posts the form.</summary>
    protected static async Task<HttpResponseMessage> SubmitAsync(DashboardForms browser, string page, string action, Dictionary<string, string> fields)
    {
        var opened = await browser.GetAsync(page);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        return await browser.PostFormAsync(action, fields);
    }

    protected static async Task<string> HtmlOf(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        return html;
    }

    /// <summary>The text of the element with this test id, decoded; null when there is none.</summary>
    protected static string? TestIdText(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{Regex.Escape(testId)}\"[^>]*>([^<]*)<");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    protected sealed record Entry(string Action, string ActorKind, string ActorId, string? Subject, JsonNode? Before, JsonNode? After, string? Reason);

    /// <summary>The audit trail, oldest first, whole.</summary>
    protected async Task<List<Entry>> EntriesAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select action, actor_kind, actor_id, subject, before::text, after::text, reason from {AuditTable.Name} order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<Entry>();
        while (await reader.ReadAsync())
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : JsonNode.Parse(reader.GetString(4)), reader.IsDBNull(5) ? null : JsonNode.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        return entries;
    }

    /// <summary>Entries of one action, made by the signed-in admin account.</summary>
    protected async Task<List<Entry>> AdminEntriesAsync(string action, string admin = AdminUsername) =>
        (await EntriesAsync()).Where(e => e.Action == action && e.ActorKind == AuditActor.AccountKind && e.ActorId == admin).ToList();
}
