using System.Security.Claims;
using DossierTracker.Api.Accounts;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// The dashboard's cookie session ("Dashboard" scheme), separate from the API's "ApiKey" scheme.
/// <para>
/// Pages depend only on claims: <see cref="ClaimTypes.Role"/>, <see cref="TrackerClaims.ScopeUnit"/> and
/// <see cref="ClaimTypes.Name"/>. They come from an account (username and password, with a TOTP code when the account
/// has one) or from an API key typed on the sign-in page. The cookie then also holds the account's id and security
/// stamp, or the key's id (never its secret), and every request checks the account or key again: a disabled account,
/// a changed role, unit, password or second factor (a new stamp), a revoked key all end the session, on every node, and
/// the claims must equal the account's or key's own, so a session never reaches further than its source. Single
/// sign-on signs into this same cookie once it has matched an account (<see cref="SingleSignOnCallback"/>).
/// </para>
/// <para>
/// Every session also carries a random session id, which sign-out records as ended (<see cref="DashboardSessions"/>), so
/// a copy of the cookie stops working too. Redirects are relative (path and query only): the client's Host header
/// never appears in a Location.
/// </para>
/// </summary>
public static class DashboardAuthentication
{
    public const string Scheme = "Dashboard";
    public const string Policy = "dashboard";
    /// <summary>The API key a session was opened with; absent for sessions from another sign-in method.</summary>
    public const string KeyIdClaim = "dt:api-key-id";
    /// <summary>The account a session was opened for, and its security stamp then; absent for key sessions.</summary>
    public const string AccountIdClaim = "dt:account-id";
    public const string SecurityStampClaim = "dt:security-stamp";
    /// <summary>Present while the account's password was set by an administrator and not yet replaced by its owner.</summary>
    public const string MustChangePasswordClaim = "dt:must-change-password";
    /// <summary>Random per sign-in; what sign-out ends on the server.</summary>
    public const string SessionIdClaim = "dt:session-id";
    public const string CookieName = "dt_session";

    /// <summary>
    /// A working day from sign-in, not sliding, so an ended session's record can be dropped once it has passed; the
    /// cookie itself ends with the browser session (shared office PCs).
    /// </summary>
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
            options.SlidingExpiration = false;
            options.Events.OnValidatePrincipal = RevalidateAsync;
            options.Events.OnRedirectToLogin = RedirectRelative;
            options.Events.OnRedirectToAccessDenied = RedirectRelative;
            options.Events.OnRedirectToLogout = RedirectRelative;
            options.Events.OnRedirectToReturnUrl = RedirectRelative;
        });
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<IPostConfigureOptions<OpenIdConnectOptions>, SingleSignOnCallback>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireRole(Roles.Supervisor, Roles.Admin)
            .RequireClaim(TrackerClaims.ScopeUnit));
        return services;
    }

    /// <summary>The session's identity: what the pages need, and the key id to re-check it by. No secret.</summary>
    public static ClaimsPrincipal PrincipalFor(ApiKey key) => Principal(key.Name, key.Role, key.UnitCode, new Claim(KeyIdClaim, key.Id));

    /// <summary>The session's identity for an account: its id and security stamp to re-check it by.</summary>
    public static ClaimsPrincipal PrincipalFor(Account account) => Principal(account.FullName, account.Role, account.UnitCode,
        [
            new Claim(AccountIdClaim, account.Id), new Claim(SecurityStampClaim, account.SecurityStamp),
            .. account.MustChangePassword ? [new Claim(MustChangePasswordClaim, "true")] : Array.Empty<Claim>(),
        ]);

    private static ClaimsPrincipal Principal(string name, string role, string unitCode, params Claim[] source) => new(new ClaimsIdentity(
        [
            new Claim(SessionIdClaim, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))),
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.Role, role),
            new Claim(TrackerClaims.ScopeUnit, unitCode),
            .. source,
        ], Scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Opens a browser-session cookie for an account.</summary>
    public static Task SignInAsync(HttpContext http, Account account) =>
        http.SignInAsync(Scheme, PrincipalFor(account), new AuthenticationProperties { IsPersistent = false });

    /// <summary>
    /// After the account changed its own password or second factor (a new stamp, which ends its other sessions): this
    /// browser's session goes on under the new stamp, and its old cookie is ended like any other.
    /// </summary>
    public static async Task RenewAsync(HttpContext http, Account account)
    {
        await SignOutEverywhereAsync(http);
        await SignInAsync(http, account);
    }

    /// <summary>
    /// A session without an id, one signed out, one whose key is revoked or deleted, or one whose account is disabled,
    /// deleted or re-stamped ends at its next request (the registries and the sessions cache a few seconds).
    /// </summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        if (await IsValidAsync(context.Principal, context.HttpContext)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    private static async Task<bool> IsValidAsync(ClaimsPrincipal? principal, HttpContext http)
    {
        if (principal?.FindFirstValue(SessionIdClaim) is not { } sessionId) return false;
        if (!await http.RequestServices.GetRequiredService<DashboardSessions>().IsLiveAsync(sessionId, http.RequestAborted)) return false;
        if (principal.FindFirstValue(AccountIdClaim) is { } accountId)
        {
            var account = await http.RequestServices.GetRequiredService<AccountRegistry>().FindAsync(accountId, http.RequestAborted);
            return account is { Disabled: false } && principal.FindFirstValue(SecurityStampClaim) == account.SecurityStamp
                && Matches(principal, account.Role, account.UnitCode);
        }
        if (principal.FindFirstValue(KeyIdClaim) is not { } keyId) return false;
        var key = await http.RequestServices.GetRequiredService<ApiKeyRegistry>().FindAsync(keyId, http.RequestAborted);
        return key is not null && !key.IsRevoked && Matches(principal, key.Role, key.UnitCode);
    }

    /// <summary>Exactly one role and one scope unit, the source's own.</summary>
    private static bool Matches(ClaimsPrincipal principal, string role, string unitCode) =>
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).SequenceEqual([role])
        && principal.FindAll(TrackerClaims.ScopeUnit).Select(c => c.Value).SequenceEqual([unitCode]);

    /// <summary>Ends the signed-in session on every instance, then clears the cookie.</summary>
    public static async Task SignOutEverywhereAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (result.Principal?.FindFirstValue(SessionIdClaim) is { } sessionId)
        {
            var until = result.Properties?.ExpiresUtc ?? http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() + SessionLifetime;
            await http.RequestServices.GetRequiredService<DashboardSessions>().EndAsync(sessionId, until, http.RequestAborted);
        }
        await http.SignOutAsync(Scheme);
    }

    /// <summary>The cookie handler builds absolute URLs from the request's Host; a path is enough and cannot be forged.</summary>
    private static Task RedirectRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery + absolute.Fragment : context.RedirectUri;
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
