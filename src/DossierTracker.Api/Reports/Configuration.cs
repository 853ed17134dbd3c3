namespace DossierTracker.Api.Reports;

/// <summary>Form 06 over any period, the monthly report and the trend, counted from the read model.</summary>
public static class Configuration
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddSingleton<ReportCountsQuery>().AddSingleton<TrendCountsQuery>().AddSingleton<Form06Reports>();
}
