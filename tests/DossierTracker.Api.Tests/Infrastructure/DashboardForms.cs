using System.Net;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.TestHost;

namespace DossierTracker.Api.Tests.Infrastructure;

/// <summary>
/// A browser reduced to what the dashboard's forms need, over plain HTTP: cookies kept by hand (so a test can copy
/// them), the antiforgery token of the last page, no redirects followed. Optionally from a given client address.
/// </summary>
public sealed partial class DashboardForms(HttpClient client) : IDisposable
{
    private string _token = "";

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);
    /// <summary>Every Set-Cookie the server sent, attributes included.</summary>
    public List<string> SetCookies { get; } = [];

    public static DashboardForms For(IAlbaHost host, string? clientAddress = null) => new(new HttpClient(
        host.Server.CreateHandler(context =>
        {
            if (clientAddress is not null) context.Connection.RemoteIpAddress = IPAddress.Parse(clientAddress);
        })) { BaseAddress = host.Server.BaseAddress });

    public string CookieHeader => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), configure);

    public Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = _token }),
        }, configure);

    /// <summary>Opens the sign-in form and posts the key; the answer is the sign-in's (a redirect when accepted).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key, Action<HttpRequestMessage>? configure = null)
    {
        (await GetAsync("/signin", configure)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await PostFormAsync("/signin?handler=Key", new() { ["key"] = key, ["returnUrl"] = "/" }, configure);
    }

    /// <summary>Opens the sign-in form and posts a username and password: a redirect when signed in, the code form when a code is due.</summary>
    public async Task<HttpResponseMessage> SignInWithPasswordAsync(string username, string password)
    {
        (await GetAsync("/signin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await PostFormAsync("/signin", new() { ["username"] = username, ["password"] = password, ["returnUrl"] = "/" });
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Action<HttpRequestMessage>? configure)
    {
        using (request)
        {
            if (Cookies.Count > 0) request.Headers.Add("Cookie", CookieHeader);
            configure?.Invoke(request);
            var response = await client.SendAsync(request);
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(cookie);
                var (name, value) = (cookie.Split(';')[0].Split('=', 2)[0], cookie.Split(';')[0].Split('=', 2)[1]);
                if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(name);
                else Cookies[name] = value;
            }
            var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : "";
            if (AntiforgeryToken().Match(html) is { Success: true } match) _token = match.Groups[1].Value;
            return response;
        }
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
