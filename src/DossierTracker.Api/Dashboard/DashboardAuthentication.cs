using System.Security.Claims;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// The dashboard's cookie session ("Dashboard" scheme), separate from the API's "ApiKey" scheme.
/// <para>
/// Pages depend only on claims: <see cref="ClaimTypes.Role"/>, <see cref="TrackerClaims.ScopeUnit"/> and
/// <see cref="ClaimTypes.Name"/>. Today they come from an API key typed on the sign-in page; the cookie then also holds
/// the key's id (never its secret) and every request checks the key still exists and is not revoked. An OpenID Connect
/// provider can be added later as a challenge scheme that signs into this same cookie after mapping its token's claims
/// onto these three; its sessions carry no key id and are not checked against the key registry.
/// </para>
/// </summary>
public static class DashboardAuthentication
{
    public const string Scheme = "Dashboard";
    public const string Policy = "dashboard";
    /// <summary>The API key a session was opened with; absent for sessions from another sign-in method.</summary>
    public const string KeyIdClaim = "dt:api-key-id";
    public const string CookieName = "dt_session";

    /// <summary>Long enough for a working day; the cookie itself ends with the browser session (shared office PCs).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services)
    {
        // AddAuthentication() without a default keeps the API's default scheme (ApiKey) as it is.
        services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            // Secure over HTTPS; the demo on http://127.0.0.1 still works.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = "/error/403";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = RevalidateKeyAsync;
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireRole(Roles.Supervisor, Roles.Admin)
            .RequireClaim(TrackerClaims.ScopeUnit));
        return services;
    }

    /// <summary>The session's identity: what the pages need, and the key id to re-check it by. No secret.</summary>
    public static ClaimsPrincipal PrincipalFor(ApiKey key) => new(new ClaimsIdentity(
        [
            new Claim(KeyIdClaim, key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, key.Role),
            new Claim(TrackerClaims.ScopeUnit, key.UnitCode),
        ], Scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>A revoked or deleted key ends its sessions at their next request (the registry caches a few seconds).</summary>
    private static async Task RevalidateKeyAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(KeyIdClaim) is not { } keyId) return;
        var registry = context.HttpContext.RequestServices.GetRequiredService<ApiKeyRegistry>();
        var key = await registry.FindAsync(keyId, context.HttpContext.RequestAborted);
        if (key is not null && !key.IsRevoked && context.Principal.IsInRole(key.Role) && context.Principal.ScopeUnitCode() == key.UnitCode) return;

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
