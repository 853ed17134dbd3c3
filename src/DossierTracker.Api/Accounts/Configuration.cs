using Marten;

namespace DossierTracker.Api.Accounts;

/// <summary>Dashboard accounts: stored as Marten documents with optimistic concurrency, checked on every request.</summary>
public static class Configuration
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountOptions>(configuration.GetSection("Accounts"));
        services.AddSingleton<AccountRegistry>();
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<AccountAudit>();
        services.AddSingleton<AccountSignIn>();
        services.AddSingleton<AccountAdministration>();
        services.ConfigureMarten(options => options.Schema.For<Account>().UseOptimisticConcurrency(true));
        return services;
    }
}
