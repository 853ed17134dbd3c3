using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Ingesting;

public static class PostEvent
{
    /// <summary>Stores one lifecycle event (contract: Ingesting lifecycle events).</summary>
    [WolverinePost("/api/events", Name = "PostEvent"), Authorize(Policy = Policies.Ingest), Tags("Ingesting")]
    [EndpointSummary("Post one lifecycle event")]
    [EndpointDescription("Stores one dossier lifecycle event. Idempotent by eventId: a retry with the same content is answered 200 with `duplicate: true` and stores nothing, also under concurrent retries; the same eventId with different content is a 409 `event-id-conflict`. A rejected event changes nothing.")]
    public static async Task<IResult> Post(HttpRequest request, EventIngestor ingestor, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;
        using (document)
        {
            var (submission, errors) = EventParser.Parse(document!.RootElement);
            if (submission is null) return Problems.Validation(errors);
            var results = await ingestor.IngestAsync([submission], IngestionResponses.SubmitterFor(user), cancellationToken);
            return IngestionResponses.Single(results[0]);
        }
    }
}
