using DossierTracker.Api.Http;

namespace DossierTracker.Api.Dashboard.Hosting;

/// <summary>
/// An exception in a dashboard page answers with a static, bilingual HTML page instead of problem details. Static,
/// because the usual cause is the database being away, and the Razor error page would need it for its header. The
/// page is a resource of the assembly, so it renders even where the static files were not deployed.
/// </summary>
public sealed class DashboardFailurePage(RequestDelegate next, ILogger<DashboardFailurePage> logger)
{
    private const string ResourceName = "dashboard-failure.html";
    private static readonly byte[] Html = Load();

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
            await context.Response.Body.WriteAsync(Html);
        }
    }

    private static byte[] Load()
    {
        using var stream = typeof(DashboardFailurePage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
