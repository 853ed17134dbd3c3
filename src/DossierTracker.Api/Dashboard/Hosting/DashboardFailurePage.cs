using DossierTracker.Api.Errors;

namespace DossierTracker.Api.Dashboard.Hosting;

/// <summary>
/// An exception in a dashboard page answers with a static, bilingual HTML page instead of problem details. Static,
/// because the usual cause is the database being away, and the Razor error page would need it for its header.
/// </summary>
public sealed class DashboardFailurePage(RequestDelegate next, IWebHostEnvironment environment, ILogger<DashboardFailurePage> logger)
{
    public const string FileName = "dashboard-failure.html";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (code, _) = ExceptionProblemHandler.Classify(exception);
            logger.LogError(exception, "Dashboard request {Method} {Path} failed ({Problem})", context.Request.Method, context.Request.Path, code);
            context.Response.Clear();
            context.Response.StatusCode = ProblemCatalogue.Get(code).Status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(environment.WebRootFileProvider.GetFileInfo(FileName));
        }
    }
}
