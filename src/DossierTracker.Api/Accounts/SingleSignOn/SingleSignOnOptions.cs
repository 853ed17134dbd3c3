namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>
/// Configuration section <c>Authentication:Oidc</c>: the OpenID Connect provider the dashboard signs people in with, and
/// which of its claims say a person's role and scope unit. Single sign-on is off while <see cref="Authority"/> is unset.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";
    /// <summary>The authentication scheme of the OpenID Connect handler.</summary>
    public const string Scheme = "Oidc";
    /// <summary>Where the provider sends the browser back to; register it at the provider as the redirect URI.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The provider's issuer address; its discovery document is read from <c>/.well-known/openid-configuration</c> under it.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Space-separated; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";
    /// <summary>The id token claim holding the role (<c>supervisor</c> or <c>admin</c>); values that are no tracker role are ignored.</summary>
    public string RoleClaim { get; set; } = "role";
    /// <summary>The id token claim holding the scope unit's code.</summary>
    public string UnitClaim { get; set; } = "unit_code";
    /// <summary>The id token claim listing the person's groups, read with <see cref="GroupMappings"/>.</summary>
    public string GroupsClaim { get; set; } = "groups";
    /// <summary>Role and unit for members of a group, used when the role or unit claim is absent; the first matching entry wins.</summary>
    public List<GroupMapping> GroupMappings { get; set; } = [];
    /// <summary>The sign-in button's text; the dashboard's own words when unset.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Off only for a provider on loopback in tests and demos: in service the discovery document must come over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}

/// <summary>Members of <see cref="Group"/> get this role and unit (either may be left to the claims).</summary>
public sealed class GroupMapping
{
    public string Group { get; set; } = "";
    public string? Role { get; set; }
    public string? Unit { get; set; }
}
