namespace DossierTracker.Api.Dashboard.Hosting;

/// <summary>Which requests belong to the dashboard: everything but the API, the health probes and the OpenAPI document.</summary>
public static class DashboardPaths
{
    private static readonly PathString[] ServicePrefixes = ["/api", "/health", "/openapi"];

    public static bool Owns(PathString path) => !ServicePrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
