using DossierTracker.Api.ReadModel;
using DossierTracker.Calendar;
using DossierTracker.Organisation;
using DossierTracker.Procedures;
using Marten;

namespace DossierTracker.Api.ReferenceData;

/// <summary>Units, procedures and calendar corrections: Marten documents and an event, read through one cache.</summary>
public static class Configuration
{
    public static IServiceCollection AddReferenceData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarSettings>(configuration.GetSection("Calendar"));
        services.AddSingleton<ReferenceDataCache>();
        // The read model counts working time with the calendar in force.
        services.AddSingleton<IWorkingCalendarSource>(provider => provider.GetRequiredService<ReferenceDataCache>());
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Unit>().Identity(u => u.Code);
            options.Schema.For<Procedure>().Identity(p => p.Code);
            // A stored event name is part of the schema: stable, never changed once shipped.
            options.Events.MapEventType<CalendarYearCorrected>(CalendarCorrections.EventName);
        });
        return services;
    }
}
