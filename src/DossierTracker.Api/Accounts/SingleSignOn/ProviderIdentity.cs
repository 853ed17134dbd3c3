using System.Security.Claims;
using System.Text.RegularExpressions;

namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>
/// What the provider's id token says about the person, read with the configured claim names: who they are (issuer and
/// subject), the names to show, and the role, unit and groups they come with.
/// </summary>
public sealed partial record ProviderIdentity(
    ExternalLogin Login,
    string Username,
    string FullName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Groups)
{
    /// <summary>Null when the token has no issuer or subject: then there is nobody to match.</summary>
    public static ProviderIdentity? From(ClaimsPrincipal principal, SingleSignOnOptions options)
    {
        var subject = principal.FindFirst("sub");
        var issuer = principal.FindFirstValue("iss") ?? subject?.Issuer;
        if (string.IsNullOrEmpty(subject?.Value) || string.IsNullOrEmpty(issuer)) return null;
        var email = NonEmpty(principal.FindFirstValue("email"));
        var username = UsernameFrom(NonEmpty(principal.FindFirstValue("preferred_username")) ?? email, subject.Value);
        return new ProviderIdentity(new ExternalLogin(issuer, subject.Value), username,
            NonEmpty(principal.FindFirstValue("name")) ?? username, email,
            Values(principal, options.RoleClaim), Values(principal, options.UnitClaim), Values(principal, options.GroupsClaim));
    }

    /// <summary>
    /// The provider's username made into one the tracker accepts (letters, digits, '.', '-', '_'): an email-shaped one
    /// keeps its shape with '-' for '@'. Without a usable one, a name derived from the subject, stable across sign-ins.
    /// </summary>
    private static string UsernameFrom(string? preferred, string subject)
    {
        var cleaned = preferred is null ? "" : NotAllowed().Replace(preferred.Trim(), "-").Trim('-', '.', '_');
        if (cleaned.Length > 64) cleaned = cleaned[..64];
        return cleaned.Length >= 3 ? cleaned
            : "sso-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)))[..16];
    }

    private static IReadOnlyList<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex NotAllowed();
}
