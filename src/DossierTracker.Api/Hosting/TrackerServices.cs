using DossierTracker.Calendar;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.NationalPortal;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Reports;
using Wolverine;

namespace DossierTracker.Api.Hosting;

public static class TrackerServices
{
    /// <summary>The tracker's own services: the business clock, reference data, the write side, the read side, late detection.</summary>
    public static IServiceCollection AddTrackerServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new TrackerClock(TimeProvider.System));

        services.Configure<CalendarSettings>(configuration.GetSection("Calendar"));
        services.AddSingleton<ReferenceDataCache>();

        services.AddSingleton<EventIngestor>();
        services.AddSingleton<PortalSync>();

        services.AddSingleton<DossierReader>();
        services.AddSingleton<DossierListQueries>();
        services.AddSingleton<DossierLists>();
        services.AddSingleton<ReportCountsQuery>();
        services.AddSingleton<MonthlyReports>();

        services.Configure<LateDetectionOptions>(configuration.GetSection("LateDetection"));
        services.AddSingleton<LateSweeper>();
        services.AddSingularAgent<LateSweepAgent>();
        return services;
    }
}
