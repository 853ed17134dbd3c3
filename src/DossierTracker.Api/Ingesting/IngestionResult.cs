using System.Security.Claims;
using DossierTracker.Api.Security;
using DossierTracker.Ingestion;

namespace DossierTracker.Api.Ingesting;

public enum IngestionStatus { Created, Duplicate, Rejected }

/// <summary>What happened to one submitted event.</summary>
public sealed record IngestionResult(IngestionStatus Status, string EventId, string DossierCode, int? Version, Rejection? Rejection)
{
    public static IngestionResult Created(EventSubmission s, int version) => new(IngestionStatus.Created, s.EventId, s.DossierCode, version, null);
    public static IngestionResult Duplicate(EventSubmission s, int version) => new(IngestionStatus.Duplicate, s.EventId, s.DossierCode, version, null);
    public static IngestionResult Rejected(EventSubmission s, Rejection rejection) => new(IngestionStatus.Rejected, s.EventId, s.DossierCode, null, rejection);
}

/// <summary>Who submits: the scope their key allows (null: the tracker itself) and the source recorded on the events.</summary>
public sealed record Submitter(string? ScopeUnitCode, string Source)
{
    /// <summary>A caller with an API key submits within its key's scope.</summary>
    public static Submitter For(ClaimsPrincipal user, string source) => new(user.ScopeUnitCode(), source);
}
