using DossierTracker.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace DossierTracker.Api.Ingesting;

public sealed record EventAccepted(string EventId, string DossierCode, int Version, bool? Duplicate = null);

public static class IngestionResponses
{
    /// <summary>201 when stored, 200 with <c>duplicate: true</c> for a retry, otherwise the refusal's problem.</summary>
    public static IResult Single(IngestionResult result) => result.Status switch
    {
        IngestionStatus.Created => new CreatedAt($"/api/dossiers/{Uri.EscapeDataString(result.DossierCode)}",
            Results.Json(new EventAccepted(result.EventId, result.DossierCode, result.Version!.Value), ApiJson.Options,
                statusCode: StatusCodes.Status201Created)),
        IngestionStatus.Duplicate => Results.Json(new EventAccepted(result.EventId, result.DossierCode, result.Version!.Value, Duplicate: true),
            ApiJson.Options),
        _ => Problems.Result(ProblemFor(result)),
    };

    public static ProblemDetails ProblemFor(IngestionResult result) =>
        Problems.Details(result.Rejection!.Code, result.Rejection.Detail);

    /// <summary>Adds a Location header to a 201 without changing its body.</summary>
    private sealed class CreatedAt(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
