using DossierTracker.Ingestion;

namespace DossierTracker.Api.Ingesting;

/// <summary>One caller's events, decided with that caller's scope and source (a group holds requests of several keys).</summary>
public sealed record IngestionRequest(IReadOnlyList<EventSubmission> Submissions, Submitter Submitter);
