namespace DossierTracker.Api.Reports;

/// <summary>The monthly report (form 06) and the trend, counted from the read model.</summary>
public static class Configuration
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddSingleton<ReportCountsQuery>().AddSingleton<MonthlyReports>().AddSingleton<Form06Reports>();
}
