namespace DossierTracker.Api.LateDossiers;

/// <summary>The lists of late and soon-due dossiers.</summary>
public static class Configuration
{
    public static IServiceCollection AddLateDossiers(this IServiceCollection services) =>
        services.AddSingleton<DossierListQueries>().AddSingleton<DossierLists>();
}
