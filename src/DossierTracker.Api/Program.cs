using DossierTracker.Api.Accounts;
using DossierTracker.Api.Accounts.SingleSignOn;
using DossierTracker.Api.Audit;
using DossierTracker.Api.Dashboard;
using DossierTracker.Api.Dossiers;
using DossierTracker.Api.Health;
using DossierTracker.Api.Hosting;
using DossierTracker.Api.Http;
using DossierTracker.Api.Importing;
using DossierTracker.Api.Ingesting;
using DossierTracker.Api.LateDetection;
using DossierTracker.Api.LateDossiers;
using DossierTracker.Api.NationalPortal;
using DossierTracker.Api.Notifications;
using DossierTracker.Api.Notifications.Webhooks;
using DossierTracker.Api.OpenApi;
using DossierTracker.Api.Operations;
using DossierTracker.Api.ReadModel;
using DossierTracker.Api.ReadModel.Rebuilding;
using DossierTracker.Api.ReadReplica;
using DossierTracker.Api.ReferenceData;
using DossierTracker.Api.Reports;
using DossierTracker.Api.Reports.Drilldown;
using DossierTracker.Api.Security;
using DossierTracker.Calendar;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddHttpKernel();
builder.Services.AddSecurity(builder.Configuration);
builder.Services.AddDashboard();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddSingleSignOn(builder.Configuration);
builder.Services.AddHealth(builder.Configuration);
builder.Services.AddOperations(builder.Configuration);
builder.Services.AddStore(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new TrackerClock(TimeProvider.System));
builder.Services.AddAudit();
builder.Services.AddReferenceData(builder.Configuration);
builder.Services.AddReadModel();
builder.Services.AddReadReplica(builder.Configuration);
builder.Services.AddIngesting(builder.Configuration);
builder.Services.AddImporting();
builder.Services.AddNationalPortal();
builder.Services.AddDossiers();
builder.Services.AddLateDossiers();
builder.Services.AddReports();
builder.Services.AddReportDrilldown();
builder.Services.AddLateDetection(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddOpenApiDocs();
builder.UseMessaging();

var app = builder.Build();

app.UseForwardedHeaders();
app.UseApiCacheControl();
app.UseHttpKernel();
app.UseDashboard();
app.UseAuthentication();
// After authentication: only a verified key has a budget of its own.
app.UseRateLimiter();
app.UseAuthorization();
app.MapOpenApi();
app.MapHealth();
app.MapOperations();
// Load (or, without pre-generated code, compile) every endpoint at start, before the service reports ready.
app.MapWolverineEndpoints(endpoints => endpoints.WarmUpRoutes = RouteWarmup.Eager);
app.MapDashboard();

return await app.RunJasperFxCommands(RebuildCommand.Intercept(args));

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
