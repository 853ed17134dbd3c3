using System.Diagnostics;

namespace DossierTracker.Api.Http;

/// <summary>
/// When a request reached the application (its first middleware, right after Kestrel parsed its headers), so that
/// admission control counts the time it spent in the tracker before any queue: reading its body, waiting for a thread.
/// </summary>
public sealed class RequestArrival(long timestamp)
{
    /// <summary>On <see cref="Stopwatch.GetTimestamp"/>'s clock.</summary>
    public long Timestamp { get; } = timestamp;

    /// <summary>The request's arrival, or now for a request that did not pass the middleware.</summary>
    public static long Of(HttpContext context) => context.Features.Get<RequestArrival>()?.Timestamp ?? Stopwatch.GetTimestamp();

    public static IApplicationBuilder UseRequestArrival(IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Features.Set(new RequestArrival(Stopwatch.GetTimestamp()));
        return next(context);
    });
}
