using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DossierTracker.Api.Http;

/// <summary>The HTTP kernel every feature builds on: the wire format, the body limit, and problem details for every failure.</summary>
public static class Configuration
{
    public static IServiceCollection AddHttpKernel(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes);
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        // Problem details for everything the framework answers by itself (404, 405, 401, ...).
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

    public static WebApplication UseHttpKernel(this WebApplication app)
    {
        RequestArrival.UseRequestArrival(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
