namespace DossierTracker.Api.NationalPortal;

/// <summary>The national portal's sync endpoints, translated into our own events.</summary>
public static class Configuration
{
    public static IServiceCollection AddNationalPortal(this IServiceCollection services) => services.AddSingleton<PortalSync>();
}
