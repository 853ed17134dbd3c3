using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace DossierTracker.Api.Tests.Infrastructure.Oidc;

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server on Kestrel at 127.0.0.1 (a free port), with one
/// confidential client, the authorization code flow with PKCE required, and an ephemeral signing key. Its "login page"
/// asks only for a username from <see cref="Users"/> (no password: the provider's own sign-in is not under test).
/// Degraded mode (no database): the client, its secret and its redirect URI are checked by the handlers below.
/// Transport security is off because it is loopback HTTP.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "dossier-tracker";
    public const string ClientSecret = "test-client-secret-7f3a9c";
    public const string LoginFormId = "provider-login";

    private WebApplication? _app;

    /// <summary>By username; tests add and change people between sign-ins.</summary>
    public ConcurrentDictionary<string, TestOidcUser> Users { get; } = new(StringComparer.Ordinal);
    /// <summary>The one redirect URI the client may use: the tracker's callback, known once the tracker listens.</summary>
    public string? RedirectUri { get; set; }
    /// <summary>The issuer and authority, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public string Issuer { get; private set; } = "";
    /// <summary>Token requests that carried a PKCE code verifier: proof the client used PKCE, not only that the server allows it.</summary>
    public int TokenRequestsWithVerifier => _tokenRequestsWithVerifier;

    private int _tokenRequestsWithVerifier;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Email, Scopes.Profile);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            options.EnableDegradedMode();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId) context.Reject(OpenIddictConstants.Errors.InvalidClient, "unknown client");
                else if (context.RedirectUri != RedirectUri) context.Reject(OpenIddictConstants.Errors.InvalidRequest, "unregistered redirect_uri");
                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret) context.Reject(OpenIddictConstants.Errors.InvalidClient, "bad client credentials");
                else if (!string.IsNullOrEmpty(context.Request.CodeVerifier)) Interlocked.Increment(ref _tokenRequestsWithVerifier);
                return default;
            }));
        });
        _app = builder.Build();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)AuthorizeAsync);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Issuer = address.TrimEnd('/') + "/";
    }

    /// <summary>The login page on GET (or for an unknown username), the code on a POST naming a known user.</summary>
    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        var username = form?["username"].ToString() ?? "";
        if (!Users.TryGetValue(username, out var user)) return LoginPage(http, form, username.Length > 0);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.PreferredUsername, user.Username));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        if (user.Email is not null) identity.AddClaim(new Claim(Claims.Email, user.Email));
        foreach (var (type, values) in user.Claims)
            foreach (var value in values) identity.AddClaim(new Claim(type, value));
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        principal.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>A form posting the request's own parameters back, with the username typed.</summary>
    private static IResult LoginPage(HttpContext http, IFormCollection? form, bool unknown)
    {
        var parameters = form is not null
            ? form.Where(f => f.Key != "username").Select(f => (f.Key, f.Value.ToString()))
            : http.Request.Query.Select(q => (q.Key, q.Value.ToString()));
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test provider</title></head><body>");
        if (unknown) html.Append("<p id=\"provider-error\">Unknown user</p>");
        html.Append($"<form id=\"{LoginFormId}\" method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in parameters)
            html.Append($"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(name)}\" value=\"{WebUtility.HtmlEncode(value)}\">");
        html.Append("<label for=\"username\">Username</label><input id=\"username\" name=\"username\"><button type=\"submit\">Sign in</button></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
