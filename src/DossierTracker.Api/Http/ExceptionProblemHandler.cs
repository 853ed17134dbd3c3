using System.Net.Sockets;
using DossierTracker.Calendar;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace DossierTracker.Api.Http;

/// <summary>
/// Last line of defence: turns any exception into problem details without internals. A database that cannot be
/// reached is a 503 with Retry-After (clients retry; nothing was acknowledged), never a 500.
/// </summary>
public sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (code, detail) = Classify(exception);
        if (code == ProblemCatalogue.Internal)
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (code != ProblemCatalogue.Overloaded)
            logger.LogWarning("Request {Method} {Path} failed: {Problem} ({Reason})", context.Request.Method, context.Request.Path, code, exception.GetBaseException().Message);

        if (context.Response.HasStarted) return false;
        context.Response.Clear();
        if (code == ProblemCatalogue.DatabaseUnavailable) context.Response.Headers.RetryAfter = "5";
        if (code == ProblemCatalogue.Overloaded) context.Response.Headers.RetryAfter = OverloadRefusal.RetryAfterSeconds;
        await Problems.Result(code, detail).ExecuteAsync(context);
        return true;
    }

    public static (string Code, string? Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (ProblemCatalogue.PayloadTooLarge, "The request body exceeds the limit of 1 MiB."),
        BadHttpRequestException bad => (ProblemCatalogue.CodeForStatus(bad.StatusCode) ?? ProblemCatalogue.Validation, "The request could not be read."),
        CalendarRangeException range => (ProblemCatalogue.DateOutOfRange, range.Message),
        OverloadedException overloaded => (ProblemCatalogue.Overloaded, overloaded.Message),
        _ when IsDatabaseUnavailable(exception) => (ProblemCatalogue.DatabaseUnavailable, "The database is not answering; retry shortly."),
        OperationCanceledException => (ProblemCatalogue.DatabaseUnavailable, "The request was cancelled before it completed; retry it."),
        _ => (ProblemCatalogue.Internal, null),
    };

    /// <summary>Connection failures, server shutdown or start-up, and pool exhaustion: transient by nature.</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException pg when pg.SqlState is "57P01" or "57P02" or "57P03" or "53300" or "08000" or "08003" or "08006" or "08001" or "08004":
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }
}
