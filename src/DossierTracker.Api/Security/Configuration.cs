using Marten;
using Microsoft.AspNetCore.Authentication;

namespace DossierTracker.Api.Security;

/// <summary>API keys (stored as Marten documents), the dashboard's data protection keys, roles, forwarded headers and rate limits.</summary>
public static class Configuration
{
    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrackerForwardedHeaders(configuration);
        services.Configure<SecurityOptions>(configuration.GetSection("Security"));
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddTrackerDataProtection();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ingest, p => p.RequireRole(Roles.Ingest, Roles.Admin))
            .AddPolicy(Policies.Supervise, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.AnyKey, p => p.RequireAuthenticatedUser());
        services.AddTrackerRateLimiting(configuration);
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ApiKey>();
            options.Schema.For<ApiKeyUse>();
            options.Schema.For<DataProtectionKey>();
        });
        return services;
    }
}
