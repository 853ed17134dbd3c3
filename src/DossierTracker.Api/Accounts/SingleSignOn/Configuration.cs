using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace DossierTracker.Api.Accounts.SingleSignOn;

/// <summary>
/// Dashboard sign-in through an OpenID Connect provider (authorization code with PKCE, ASP.NET Core's handler), when
/// <c>Authentication:Oidc:Authority</c> is set. The handler only proves who the person is; the dashboard's callback
/// (<c>Dashboard/SingleSignOnCallback.cs</c>) then has <see cref="SingleSignOnSignIn"/> find the account and opens the
/// same account session a password sign-in opens, so revalidation and sign-out work alike.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        services.Configure<SingleSignOnOptions>(section);
        services.AddHostedService<SingleSignOnStartupLog>();
        var settings = section.Get<SingleSignOnOptions>() ?? new SingleSignOnOptions();
        if (!settings.IsEnabled) return services;

        services.AddSingleton<SingleSignOnAudit>();
        services.AddSingleton<SingleSignOnSignIn>();
        services.AddAuthentication().AddOpenIdConnect(SingleSignOnOptions.Scheme, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // A GET back to the tracker: its cookies are SameSite=Lax, which a cross-site form post would not carry.
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CallbackPath = SingleSignOnOptions.CallbackPath;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Prepend("openid").Distinct()) options.Scope.Add(scope);
            // The provider's claim names as they are: the configured role, unit and group claims name them so.
            options.MapInboundClaims = false;
            options.SaveTokens = false;
            // The demo runs on http://127.0.0.1; over HTTPS these cookies are Secure.
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
        });
        return services;
    }
}
