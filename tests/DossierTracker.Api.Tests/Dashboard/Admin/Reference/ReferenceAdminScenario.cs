using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DossierTracker.Api.Tests.Dashboard.Admin.Reference;

/// <summary>
/// Base of the admin area's HTTP tests: an admin account signs in with its password and posts the forms as a browser
/// would (antiforgery token included); what changed is read back through the API and the audit table.
/// </summary>
public abstract partial class ReferenceAdminScenario(TrackerApp app) : ApiScenario(app)
{
    protected const string Password = "núi cao sông dài biển rộng";
    protected const string AdminName = "Lê Văn Quản";

    protected async Task<DashboardForms> AdminAsync(string username = "quan.tri", string unit = TestProvince.Province,
        string role = DossierTracker.Api.Security.Roles.Admin)
    {
        var administration = App.Host.Services.GetRequiredService<AccountAdministration>();
        (await administration.CreateAsync(new AccountProfile(username, AdminName, $"{username}@example.gov.vn", role, unit), Password,
            AuditActor.System("test"), CancellationToken.None)).ShouldBeEmpty();
        var browser = DashboardForms.For(App.Host);
        var signedIn = await browser.SignInWithPasswordAsync(username, Password);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        return browser;
    }

    /// <summary>Opens the page (for its antiforgery token) and posts one of its forms.</summary>
    protected static async Task<HttpResponseMessage> PostAsync(DashboardForms browser, string page, string handler, Dictionary<string, string> fields)
    {
        (await browser.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await browser.PostFormAsync($"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}", fields);
    }

    /// <summary>Opens the page and uploads a file with the upload form (multipart, as a browser sends a file).</summary>
    protected static async Task<HttpResponseMessage> UploadAsync(DashboardForms browser, string page, string fileName, byte[] content, string reason)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Token().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty();
        return await browser.PostFormAsync(page + "?handler=Preview", [], request =>
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/json");
            request.Content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(reason), "reason" },
                { file, "file", fileName },
            };
        });
    }

    /// <summary>Confirms the preview the last upload showed, with the hidden fields it carries.</summary>
    protected static async Task<HttpResponseMessage> ApplyPreviewAsync(DashboardForms browser, string page, string previewHtml, string reason)
    {
        string Hidden(string name) => WebUtility.HtmlDecode(Regex.Match(previewHtml, $"name=\"{name}\" value=\"([^\"]*)\"").Groups[1].Value);
        return await browser.PostFormAsync(page + "?handler=Apply",
            new() { ["items"] = Hidden("items"), ["rows"] = Hidden("rows"), ["sheet"] = Hidden("sheet"), ["reason"] = reason });
    }

    protected static async Task<string> HtmlAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, html);
        return html;
    }

    /// <summary>The messages shown beside one form field (<c>data-testid="error-FIELD"</c>), decoded.</summary>
    protected static List<string> FieldErrors(string html, string field) =>
        Regex.Matches(html, $"data-testid=\"error-{Regex.Escape(field)}\">([^<]*)<").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The errors of a refused upload: row number → message.</summary>
    protected static List<(int Row, string Message)> UploadErrors(string html) =>
        Regex.Matches(html, "data-testid=\"upload-error\" data-row=\"(\\d+)\"><td>[^<]*</td><td>([^<]*)</td>")
            .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    protected async Task<JsonArray> UnitsAsync() => JsonNode.Parse(await (await GetAsync("/api/units")).Content.ReadAsStringAsync())!.AsArray();

    protected async Task<JsonObject?> UnitAsync(string code) =>
        (await UnitsAsync()).Select(u => u!.AsObject()).FirstOrDefault(u => u["code"]!.GetValue<string>() == code);

    protected async Task<JsonObject?> ProcedureAsync(string code) =>
        JsonNode.Parse(await (await GetAsync("/api/procedures")).Content.ReadAsStringAsync())!.AsArray()
            .Select(p => p!.AsObject()).FirstOrDefault(p => p["code"]!.GetValue<string>() == code);

    /// <summary>The audit trail's entries of the admin area (actor kind account), oldest first.</summary>
    protected async Task<List<(string Action, string ActorKind, string? ActorName, string? Subject, string? Reason, string? After)>> AccountAuditAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select action, actor_kind, actor_name, subject, reason, after::text from {AuditTable.Name} where action not like 'sign-in%' and action <> 'account.created' order by id",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string, string?, string?, string?, string?)>();
        while (await reader.ReadAsync())
            entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return entries.Where(e => e.Item2 == AuditActor.AccountKind).ToList();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
