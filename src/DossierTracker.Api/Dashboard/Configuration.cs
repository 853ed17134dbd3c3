using System.Text.Encodings.Web;
using System.Text.Unicode;
using DossierTracker.Api.Dashboard.Hosting;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace DossierTracker.Api.Dashboard;

/// <summary>
/// The supervisors' web dashboard: server-rendered Razor Pages under <c>/</c>, signed in with a cookie session of its
/// own scheme. <c>/api</c>, <c>/health</c> and <c>/openapi</c> are left as they are: their policies stay on the API-key
/// scheme, so the cookie never authenticates an API call and the API never redirects to a sign-in page.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        // Vietnamese letters written as themselves: as numeric entities each would take about three times the bytes.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard/Pages";
            options.Conventions.AuthorizeFolder("/", DashboardAuthentication.Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/Language");
            options.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "dt_csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Our own header says DENY for every dashboard response; antiforgery would add a weaker SAMEORIGIN.
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddDashboardAuthentication();
        services.ConfigureMarten(options => options.Schema.For<EndedSession>());
        return services;
    }

    /// <summary>Call early in the pipeline: error pages, headers and static files for dashboard requests.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        // A page that answers 4xx/5xx without a body (scope refused, dossier not found, expired form) is shown the
        // friendly error page, keeping its status. Registered on the application itself, where re-execution routes
        // again (a branch has no router); switched off for the API, which keeps its problem details.
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use(LeaveServiceStatusCodesToTheApi);
        app.UseWhen(context => DashboardPaths.Owns(context.Request.Path), dashboard =>
        {
            dashboard.UseMiddleware<SecurityHeaders>();
            dashboard.UseMiddleware<DashboardFailurePage>();
            dashboard.UseMiddleware<FormSizeLimit>();
            dashboard.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssets.SetCaching });
        });
        return app;
    }

    /// <summary>Call after the API's endpoints are mapped.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    private static Task LeaveServiceStatusCodesToTheApi(HttpContext context, RequestDelegate next)
    {
        if (!DashboardPaths.Owns(context.Request.Path)) context.Features.GetRequiredFeature<IStatusCodePagesFeature>().Enabled = false;
        return next(context);
    }
}
