using System.Net;
using System.Text.RegularExpressions;

namespace DossierTracker.Api.Tests.Accounts.SingleSignOn;

/// <summary>
/// A browser reduced to what single sign-on needs: one cookie jar for the tracker and the provider (both on
/// 127.0.0.1, as a browser keeps them), redirects followed, the provider's login form filled in, and the tracker's
/// "continue" page followed as its meta refresh would be.
/// </summary>
public sealed partial class SingleSignOnBrowser(Uri tracker) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = tracker };

    /// <summary>Where the last answer came from.</summary>
    public Uri Location { get; private set; } = tracker;

    public async Task<string> GetAsync(string path) => await ReadAsync(await _client.GetAsync(path));

    /// <summary>
    /// Opens the sign-in page, follows its single sign-on button to the provider, signs in there as
    /// <paramref name="username"/>, and returns the page the tracker ends on (a dashboard page, or the sign-in page
    /// with the reason it refused).
    /// </summary>
    public async Task<string> SignInAsync(string username)
    {
        var signInPage = await GetAsync("/signin");
        var button = SsoButton().Match(signInPage);
        if (!button.Success) throw new Xunit.Sdk.XunitException("The sign-in page shows no single sign-on button.");
        var loginPage = await GetAsync(WebUtility.HtmlDecode(button.Groups[1].Value));
        var fields = HiddenField().Matches(loginPage).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        if (fields.Count == 0) throw new Xunit.Sdk.XunitException($"Expected the provider's login form at {Location}, got: {loginPage}");
        fields["username"] = username;
        var answer = await ReadAsync(await _client.PostAsync(new Uri(Location, "/connect/authorize"), new FormUrlEncodedContent(fields)));
        return MetaRefresh().Match(answer) is { Success: true } refresh ? await GetAsync(WebUtility.HtmlDecode(refresh.Groups[1].Value)) : answer;
    }

    private async Task<string> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Location = response.RequestMessage!.RequestUri!;
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} from {Location}: {body}");
            return body;
        }
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("href=\"([^\"]+)\" data-testid=\"sso-signin\"")]
    private static partial Regex SsoButton();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"")]
    private static partial Regex MetaRefresh();
}
