namespace DossierTracker.Api.Security;

/// <summary>
/// Every answer under <c>/api</c> (JSON, CSV, XLSX, problems) is <c>Cache-Control: no-store</c>: they hold dossiers of a
/// key's scope, which no browser or shared cache between the caller and the tracker may keep.
/// </summary>
public static class ApiCacheControl
{
    public static WebApplication UseApiCacheControl(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            return next(context);
        });
        return app;
    }
}
