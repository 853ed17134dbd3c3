using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Http;
using DossierTracker.Api.Health;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.OpenApi;
using DossierTracker.Api.Operations;
using DossierTracker.Api.Security;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpKernel();
builder.Services.AddTrackerForwardedHeaders(builder.Configuration);
builder.Services.AddTrackerSecurity(builder.Configuration);
builder.Services.AddTrackerRateLimiting(builder.Configuration);
builder.Services.AddTrackerDashboard();
builder.Services.AddTrackerHealth();
builder.Services.AddTrackerOperations(builder.Configuration);
builder.Services.AddTrackerStore(builder.Configuration);
builder.Services.AddTrackerServices(builder.Configuration);
builder.Services.AddTrackerOpenApi();
builder.UseTrackerMessaging();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseApiCacheControl();
app.UseHttpKernel();
app.UseTrackerDashboard();
app.UseAuthentication();
// After authentication: only a verified key has a budget of its own.
app.UseRateLimiter();
app.UseAuthorization();
app.MapOpenApi();
app.MapTrackerHealth();
app.MapTrackerOperations();
// Load (or, without pre-generated code, compile) every endpoint at start, before the service reports ready.
app.MapWolverineEndpoints(endpoints => endpoints.WarmUpRoutes = RouteWarmup.Eager);
app.MapTrackerDashboard();

return await app.RunJasperFxCommands(args);

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
