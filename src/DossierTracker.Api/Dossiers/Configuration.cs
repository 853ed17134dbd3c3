namespace DossierTracker.Api.Dossiers;

/// <summary>One dossier's view, read from the read model.</summary>
public static class Configuration
{
    public static IServiceCollection AddDossiers(this IServiceCollection services) => services.AddSingleton<DossierReader>();
}
