namespace DossierTracker.Api.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>Problem details for everything the framework answers by itself (404, 405, 401, ...).</summary>
    public static IServiceCollection AddTrackerProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ExceptionProblemHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem.Type is null || !problem.Type.StartsWith(ProblemCatalogue.TypeBase, StringComparison.Ordinal))
            {
                var code = ProblemCatalogue.CodeForStatus(status) ?? ProblemCatalogue.Internal;
                var entry = ProblemCatalogue.Get(code);
                problem.Type = ProblemCatalogue.TypeUri(code);
                problem.Title = entry.Title;
                problem.Detail ??= status switch
                {
                    404 => $"No resource at {context.HttpContext.Request.Path}.",
                    405 => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                    _ => entry.Title,
                };
            }
            problem.Extensions.Remove("traceId");
            problem.Extensions.Remove("exception");
            problem.Extensions.Remove("requestId");
        });
        return services;
    }

    public static WebApplication UseTrackerProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
