using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using DossierTracker.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace DossierTracker.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>. Challenges and refusals answer with
/// problem details: 401, or 429 with Retry-After once the caller's address has failed too often. The key itself is
/// never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyVerifier verifier) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private TimeSpan? _retryAfter;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        // Open endpoints (health probes) must answer even when keys cannot be checked, e.g. with the database down.
        if (presented is null || Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return AuthenticateResult.NoResult();
        var verification = await verifier.VerifyAsync(presented, Context);
        _retryAfter = verification.RetryAfter;
        if (verification.Key is not { } key)
            return AuthenticateResult.Fail(_retryAfter is null ? "Unknown or revoked API key." : "Too many failed keys from this address.");

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, key.Id),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.Role, key.Role),
                new Claim(TrackerClaims.ScopeUnit, key.UnitCode),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_retryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Result(ProblemCatalogue.TooManyRequests,
                $"Too many failed keys from this address; retry after {seconds} s.").ExecuteAsync(Context);
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = PresentedKey(Request) is null
            ? "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            : "The API key is unknown or revoked.";
        return Problems.Result(ProblemCatalogue.Unauthorized, detail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Result(ProblemCatalogue.Forbidden, "This key's role does not allow this request.").ExecuteAsync(Context);

    public static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization["Bearer ".Length..].Trim();
        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }
}

public static class TrackerClaims
{
    public const string ScopeUnit = "dt:scope-unit";

    /// <summary>The unit this caller may act on, with everything below it.</summary>
    public static string ScopeUnitCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(ScopeUnit) ?? throw new InvalidOperationException("The caller has no scope unit.");

    public static string KeyName(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "";
}
