using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Errors;
using DossierTracker.Api.Health;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.OpenApi;
using DossierTracker.Api.Operations;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Reports;
using DossierTracker.Api.Security;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.AddTrackerProblemDetails();
builder.Services.AddTrackerSecurity(builder.Configuration);
builder.Services.AddTrackerDashboard();
builder.Services.AddTrackerRateLimiting(builder.Configuration);
builder.Services.AddTrackerHealth();
builder.Services.AddTrackerOperations();
builder.Services.AddTrackerStore(builder.Configuration);
builder.Services.Configure<CalendarSettings>(builder.Configuration.GetSection("Calendar"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new TrackerClock(TimeProvider.System));
builder.Services.AddSingleton<ReferenceDataCache>();
builder.Services.AddSingleton<EventIngestor>();
builder.Services.AddSingleton<DossierTracker.Api.NationalPortal.PortalSync>();
builder.Services.AddSingleton<DossierListQueries>();
builder.Services.AddSingleton<DossierLists>();
builder.Services.AddSingleton<DossierReader>();
builder.Services.AddSingleton<ReportCountsQuery>();
builder.Services.AddSingleton<MonthlyReports>();
builder.Services.Configure<LateDetectionOptions>(builder.Configuration.GetSection("LateDetection"));
builder.Services.AddSingleton<LateSweeper>();
builder.Services.AddHostedService(services => services.GetRequiredService<LateSweeper>());
builder.Services.AddTrackerOpenApi();
builder.UseTrackerMessaging();

var app = builder.Build();

app.UseTrackerProblemDetails();
app.UseTrackerDashboard();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapTrackerHealth();
app.MapTrackerOperations();
// Compile every endpoint at start, before the service reports ready, rather than on its first request.
app.MapWolverineEndpoints(endpoints => endpoints.WarmUpRoutes = RouteWarmup.Eager);
app.MapTrackerDashboard();

return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
