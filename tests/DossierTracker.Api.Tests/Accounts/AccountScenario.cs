using System.Net;
using System.Text.RegularExpressions;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OtpNet;

namespace DossierTracker.Api.Tests.Accounts;

/// <summary>
/// Base of the account tests: the shared tracker (business time on a fake clock, which lockouts and TOTP codes follow),
/// accounts created as the command line and admin area create them, and a form-posting browser per test.
/// </summary>
public abstract partial class AccountScenario(TrackerApp app) : ApiScenario(app)
{
    protected const string Password = "mây trắng bay trên đồi chè";

    protected AccountAdministration Administration => App.Host.Services.GetRequiredService<AccountAdministration>();
    protected AccountRegistry Registry => App.Host.Services.GetRequiredService<AccountRegistry>();

    protected static readonly AuditActor TestAdmin = AuditActor.System("test");

    protected async Task<Account> CreateAccountAsync(string username = "thu.nguyen", string role = DossierTracker.Api.Security.Roles.Supervisor,
        string unit = TestProvince.Province, string password = Password)
    {
        var problems = await Administration.CreateAsync(new AccountProfile(username, "Nguyễn Thị Thu", $"{username}@example.gov.vn", role, unit), password,
            TestAdmin, CancellationToken.None);
        problems.ShouldBeEmpty();
        return (await Registry.LoadAsync(Account.IdOf(username), CancellationToken.None))!;
    }

    protected DashboardForms Browser() => DashboardForms.For(App.Host);

    /// <summary>Signs in with the password and checks it opened a session.</summary>
    protected async Task<DashboardForms> SignedInAsync(string username = "thu.nguyen", string password = Password)
    {
        var browser = Browser();
        var response = await browser.SignInWithPasswordAsync(username, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return browser;
    }

    /// <summary>The sign-in page's error message, decoded; null when there is none.</summary>
    protected static async Task<string?> SignInErrorAsync(HttpResponseMessage response)
    {
        var match = SignInError().Match(await response.Content.ReadAsStringAsync());
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    protected static async Task<string> TicketOfAsync(HttpResponseMessage response)
    {
        var match = Ticket().Match(await response.Content.ReadAsStringAsync());
        match.Success.ShouldBeTrue("the page asks for a code");
        return match.Groups[1].Value;
    }

    protected string CodeAt(string secret, DateTimeOffset instant) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(instant.UtcDateTime);

    protected string CurrentCode(string secret) => CodeAt(secret, App.Clock.GetUtcNow());

    /// <summary>Turns the second factor on through the account's page; returns the secret it showed.</summary>
    protected async Task<string> EnrolTotpAsync(DashboardForms browser)
    {
        (await browser.GetAsync("/account/two-factor")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var begun = await browser.PostFormAsync("/account/two-factor?handler=Begin", []);
        var html = await begun.Content.ReadAsStringAsync();
        var secret = Secret().Match(html).Groups[1].Value;
        secret.ShouldNotBeEmpty(html);
        var confirmed = await browser.PostFormAsync("/account/two-factor?handler=Confirm", new() { ["code"] = CurrentCode(secret) });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        return secret;
    }

    /// <summary>The audit trail's entries, oldest first: action and subject.</summary>
    protected async Task<List<(string Action, string? Subject, string? After)>> AuditAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select action, subject, after::text from {AuditTable.Name} order by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string?, string?)>();
        while (await reader.ReadAsync())
            entries.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        return entries;
    }

    [GeneratedRegex("data-testid=\"signin-error\">([^<]*)<")]
    private static partial Regex SignInError();

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]+)\"")]
    private static partial Regex Ticket();

    [GeneratedRegex("data-testid=\"totp-secret\" class=\"secret\">([A-Z2-7=]+)<")]
    private static partial Regex Secret();
}
