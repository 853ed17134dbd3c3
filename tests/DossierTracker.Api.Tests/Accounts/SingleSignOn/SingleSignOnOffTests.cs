using System.Net;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Tests.Infrastructure;
using Npgsql;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>The shared tracker of the HTTP tests has no provider configured: single sign-on is off there.</summary>
public sealed class SingleSignOnOffTests(TrackerApp app) : AccountScenario(app)
{
    [Fact]
    public async Task the_sign_in_page_has_no_single_sign_on_button_when_no_authority_is_set()
    {
        using var browser = Browser();

        var page = await (await browser.GetAsync("/signin")).Content.ReadAsStringAsync();

        page.ShouldContain("name=\"username\"");
        page.ShouldNotContain("sso-signin");
    }

    [Fact]
    public async Task starting_single_sign_on_when_it_is_off_finds_nothing()
    {
        using var browser = Browser();

        var response = await browser.GetAsync("/signin?handler=Sso");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public void the_start_up_log_says_single_sign_on_is_off()
    {
        App.Logs.Lines.ShouldContain(line => line.Contains("Single sign-on is off: no Authentication:Oidc:Authority is set."));
    }

    [Fact]
    public async Task an_account_is_stored_without_its_computed_properties()
    {
        await CreateAccountAsync();

        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from mt_doc_account where id = 'thu.nguyen'", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        stored.ShouldContain("\"securityStamp\"");
        stored.ShouldNotContain("\"requiresCode\"");
        stored.ShouldNotContain("\"profile\"");
    }
}
