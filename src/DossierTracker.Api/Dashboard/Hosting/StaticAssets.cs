using Microsoft.AspNetCore.StaticFiles;

namespace DossierTracker.Api.Dashboard.Hosting;

public static class StaticAssets
{
    /// <summary>The layout links assets with a content hash (<c>asp-append-version</c>), so a cached copy is never stale.</summary>
    public static void SetCaching(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
}
