using System.Net;
using System.Text.RegularExpressions;

namespace DossierTracker.LoadBench;

/// <summary>
/// A supervisor's visit to the dashboard, as a browser makes it: a new cookie session (GET /signin for the antiforgery
/// cookie and token, POST the key), then the overview, the late list, a month's form 06 and a dossier.
/// </summary>
public static partial class DashboardVisit
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static async Task RunAsync(string url, RequestLog log, string key, DateOnly month, string? dossierCode)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var form = await log.SendAsync("dashboard: GET /signin", "/signin", () => browser.GetAsync("/signin"));
        if (AntiforgeryToken().Match(form.Body) is not { Success: true } token)
        {
            log.Surprise("dashboard: GET /signin", $"{form.Status} without an antiforgery token");
            return;
        }
        var fields = new Dictionary<string, string> { ["key"] = key, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token.Groups[1].Value };
        var signIn = await log.SendAsync("dashboard: POST /signin", "/signin", () => browser.PostAsync("/signin?handler=Key", new FormUrlEncodedContent(fields)));
        if (signIn.Status != (int)HttpStatusCode.Redirect || signIn.Location != "/")
        {
            log.Surprise("dashboard: POST /signin", $"{signIn.Status} (to {signIn.Location ?? "nowhere"}) instead of a redirect to /");
            return;
        }

        await PageAsync(browser, log, "dashboard: /", "/");
        await PageAsync(browser, log, "dashboard: /late", "/late");
        await PageAsync(browser, log, "dashboard: /report?month=", $"/report?month={month:yyyy-MM}");
        if (dossierCode is not null) await PageAsync(browser, log, "dashboard: /dossiers/{code}", $"/dossiers/{Uri.EscapeDataString(dossierCode)}");
    }

    /// <summary>A page must answer 200 in the session; a redirect (to /signin) means the session was lost.</summary>
    private static async Task PageAsync(HttpClient browser, RequestLog log, string kind, string path)
    {
        var page = await log.SendAsync(kind, path, () => browser.GetAsync(path));
        if (page.Status is >= 300 and < 400) log.Surprise(kind, $"{page.Status} to {page.Location} for {path}");
    }
}
