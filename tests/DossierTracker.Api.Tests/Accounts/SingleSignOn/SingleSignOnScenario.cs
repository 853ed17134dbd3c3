using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard.Text;
using DossierTracker.Api.Tests.Infrastructure.Oidc;
using Npgsql;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>Base of the single sign-on tests: the shared provider and tracker, and what a test reads back.</summary>
[Collection(SingleSignOnCollection.Name)]
public abstract partial class SingleSignOnScenario(SingleSignOnFixture fixture)
{
    protected static readonly SingleSignOnText T = DashboardText.Vietnamese.SingleSignOn;

    protected SingleSignOnFixture Fixture { get; } = fixture;

    /// <summary>A new person at the provider, with a username of this test's own.</summary>
    protected TestOidcUser User(params (string Type, string[] Values)[] claims) =>
        Fixture.AddUser(TestOidcUser.With($"minh.tran.{Guid.NewGuid():N}"[..24], claims));

    protected static (string, string[]) Claim(string type, params string[] values) => (type, values);

    /// <summary>The sign-in page's error message, decoded; null when there is none.</summary>
    protected static string? SignInError(string html) =>
        SignInErrorPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    /// <summary>The scope unit the header shows a signed-in person; null on a page for nobody signed in.</summary>
    protected static string? ScopeUnit(string html) =>
        ScopeUnitPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    /// <summary>The audit trail's entries about a username, oldest first.</summary>
    protected async Task<List<(string Action, string ActorKind, JsonObject? After, string? Reason)>> AuditOfAsync(string username)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select action, actor_kind, after::text, reason from {AuditTable.Name} where subject = $1 order by id", connection)
        {
            Parameters = { new() { Value = username } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<(string, string, JsonObject?, string?)>();
        while (await reader.ReadAsync())
            entries.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : JsonNode.Parse(reader.GetString(2))!.AsObject(),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        return entries;
    }

    [GeneratedRegex("data-testid=\"signin-error\">([^<]*)<")]
    private static partial Regex SignInErrorPattern();

    [GeneratedRegex("data-testid=\"scope-unit\">([^<]*)<")]
    private static partial Regex ScopeUnitPattern();
}
