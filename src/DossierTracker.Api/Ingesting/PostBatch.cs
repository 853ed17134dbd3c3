using System.Security.Claims;
using System.Text.Json;
using DossierTracker.Api.Http;
using DossierTracker.Api.Security;
using DossierTracker.Dossiers;
using DossierTracker.Ingestion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace DossierTracker.Api.Ingesting;

/// <summary><see cref="Problem"/> is typed object so a validation problem keeps its <c>errors</c> when serialised.</summary>
public sealed record BatchItemResult(int Index, string? EventId, string Status, object? Problem = null);

public sealed record BatchResponse(IReadOnlyList<BatchItemResult> Results);

public static class PostBatch
{
    public const int MaxEvents = 1000;

    /// <summary>Up to 1000 events in array order, each accepted or refused on its own, in one transaction.</summary>
    [WolverinePost("/api/events/batch", Name = "PostEventBatch"), Authorize(Policy = Policies.Ingest), Tags("Ingesting")]
    [EndpointSummary("Post up to 1000 events")]
    [EndpointDescription("Applies up to 1000 events in array order, in one transaction; each is accepted or refused on its own by the rules of POST /api/events, and a refused one changes nothing. The answer is 200 with one result per event unless the body itself is refused.")]
    public static Task<IResult> Post(HttpRequest request, EventIngestor ingestor, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        JsonBody.HandleAsync(request, async root =>
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                return Problems.Validation(new Dictionary<string, string[]> { ["events"] = ["The body must be { \"events\": [ ... ] }."] });
            if (events.GetArrayLength() > MaxEvents)
                return Problems.Validation(new Dictionary<string, string[]> { ["events"] = [$"A batch holds at most {MaxEvents} events."] });

            var results = new BatchItemResult?[events.GetArrayLength()];
            var valid = new List<(int Index, EventSubmission Submission)>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                var (submission, errors) = EventParser.Parse(item);
                if (submission is null)
                    results[index] = new BatchItemResult(index, EventIdOf(item), "rejected",
                        Problems.Details(ProblemCatalogue.Validation, "One or more fields are not valid; see errors.", errors));
                else
                    valid.Add((index, submission));
                index++;
            }

            var outcomes = await ingestor.IngestAsync(valid.Select(v => v.Submission).ToList(), Submitter.For(user, EventSources.OneStop), cancellationToken);
            for (var i = 0; i < valid.Count; i++)
            {
                var outcome = outcomes[i];
                results[valid[i].Index] = new BatchItemResult(valid[i].Index, outcome.EventId, outcome.Status.ToString().ToLowerInvariant(),
                    outcome.Status == IngestionStatus.Rejected ? IngestionResponses.ProblemFor(outcome) : null);
            }
            return Results.Json(new BatchResponse(results!), ApiJson.Options);
        }, cancellationToken, itemsProperty: "events");

    /// <summary>An item whose text cannot be read (<see cref="JsonUnicode"/>) is known by its index alone.</summary>
    private static string? EventIdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && JsonUnicode.FindInvalid(item) is null && item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
