namespace DossierTracker.Api.Http;

/// <summary>
/// 503 <c>overloaded</c> with Retry-After. Answered as a result rather than thrown where refusals come by the
/// thousand: refusing must cost the tracker far less than accepting, or overload feeds itself.
/// </summary>
public static class OverloadRefusal
{
    /// <summary>Overload passes within seconds: an early retry, spread by the clients' own jitter, is what keeps the queue short.</summary>
    public const string RetryAfterSeconds = "1";

    public static IResult Result(string detail) => new Refusal(Problems.Result(ProblemCatalogue.Overloaded, detail));

    private sealed class Refusal(IResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            return problem.ExecuteAsync(httpContext);
        }
    }
}
