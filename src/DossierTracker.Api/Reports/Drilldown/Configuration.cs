namespace DossierTracker.Api.Reports.Drilldown;

/// <summary>The dossiers behind a cell of form 06.</summary>
public static class Configuration
{
    public static IServiceCollection AddReportDrilldown(this IServiceCollection services) => services.AddSingleton<ReportDrilldown>();
}
