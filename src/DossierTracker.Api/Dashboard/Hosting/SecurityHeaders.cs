namespace DossierTracker.Api.Dashboard.Hosting;

/// <summary>
/// Browser hardening for every dashboard response. The pages use no inline script or style and load nothing from
/// elsewhere, so the policy can be <c>'self'</c> only. Set when the response starts, so error pages get them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages show dossiers of a supervisor's scope: an office PC's shared browser must not keep them.
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
