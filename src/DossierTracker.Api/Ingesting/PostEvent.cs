using System.Security.Claims;
using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace DossierTracker.Api.Ingesting;

public static class PostEvent
{
    /// <summary>Stores one lifecycle event (contract: Ingesting lifecycle events).</summary>
    [WolverinePost("/api/events", Name = "PostEvent"), Authorize(Policy = Policies.Ingest), Tags("Ingesting")]
    [EndpointSummary("Post one lifecycle event")]
    [EndpointDescription("Stores one dossier lifecycle event. Idempotent by eventId: a retry with the same content is answered 200 with `duplicate: true` and stores nothing, also under concurrent retries; the same eventId with different content is a 409 `event-id-conflict`. A rejected event changes nothing.")]
    public static Task<IResult> Post(HttpRequest request, IngestionQueue queue, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Under overload most requests are refused here, before their body is read: refusing must stay cheap.
        var arrivedAt = RequestArrival.Of(request.HttpContext);
        if (queue.Refusal(arrivedAt) is { } refusal) return Task.FromResult(OverloadRefusal.Result(refusal));
        return JsonBody.HandleAsync(request, async root =>
        {
            var (submission, errors) = EventParser.Parse(root);
            if (submission is null) return Problems.Validation(errors);
            var results = await queue.IngestAsync([submission], Submitter.For(user, EventSources.OneStop), arrivedAt, cancellationToken);
            return IngestionResponses.Single(results[0]);
        }, cancellationToken);
    }
}
